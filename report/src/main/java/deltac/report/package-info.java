/**
 * The derivation report, the end of the reading side of the pipeline: one self-contained HTML page that shows a
 * {@code Derivation} to a person. The equations (forward and backward, per sample and in batch form) typeset
 * with KaTeX from the LaTeX printer, each term carrying its shape; the graph drawn as inline SVG, the forward pass
 * above and the backward pass below, a shape on every edge; training curves, when there was a run; and the
 * verdicts on hand-derived formulas, the terms where they part highlighted on both sides. The page loads nothing:
 * KaTeX's script, style sheet and fonts are read from its webjar on the class path and inlined, and a
 * Content-Security-Policy forbids any other load. {@link deltac.report.Report} is the facade.
 */
package deltac.report;
