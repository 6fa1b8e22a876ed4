package deltac.autodiff.print;

import deltac.graph.Node;

/**
 * Wraps the LaTeX of each term as an equation is written: how a page attaches a shape, a colour or a highlight to
 * a term ({@code \htmlData{shape=128×1}{z^{1}}}) without a printer of its own. Called once per written term,
 * innermost first; the result must be one LaTeX group.
 */
@FunctionalInterface
public interface Marks {
    /** Leaves every term as it is: the plain printer. */
    Marks NONE = (node, latex) -> latex;

    String mark(Node node, String latex);
}
