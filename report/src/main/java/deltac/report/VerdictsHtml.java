package deltac.report;

import deltac.autodiff.check.CheckReport;
import deltac.autodiff.check.Comparison;
import deltac.autodiff.check.Verdict;
import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Equations.Equation;
import deltac.graph.Node;
import deltac.graph.spec.Diagnostic;
import java.util.Map;
import java.util.function.Function;

/**
 * The verdicts on hand-derived formulas: each formula beside the derived one, both typeset with the derivation's
 * names, the terms where they part highlighted on both sides, then the verdict in words as {@code deltac check}
 * says it.
 */
final class VerdictsHtml {
    private VerdictsHtml() {}

    static String section(CheckReport report, String file, Equations equations, DeltaColours colours) {
        StringBuilder out = new StringBuilder();
        out.append("<section id=\"verdicts\">\n<h2>Hand-derived formulas</h2>\n");
        long equal = report.verdicts().stream().filter(Verdict::equal).count();
        out.append("<p class=\"note\">").append(Html.escape(file)).append(" against the ")
                .append(equations.isBatch() ? "batch form" : "per-sample equations").append(": ")
                .append(equal).append(" of ").append(report.verdicts().size()).append(" equal")
                .append(report.verdicts().size() > equal ? "; where one differs, the terms that differ are highlighted on both sides" : "")
                .append(".</p>\n");
        for (Diagnostic d : report.diagnostics()) {
            out.append("<p class=\"diagnostic").append(d.isError() ? " error" : "").append("\">")
                    .append(Html.escape(d.toString())).append("</p>\n");
        }
        Map<Node, Integer> deltas = EquationsHtml.deltaNodes(equations, colours);
        for (int i = 0; i < report.verdicts().size(); i++) {
            Verdict v = report.verdicts().get(i);
            Comparison c = i < report.comparisons().size() ? report.comparisons().get(i) : null;
            verdict(out, v, c, equations, deltas, colours);
        }
        if (!report.verdicts().isEmpty() && !report.notGiven().isEmpty()) {
            out.append("<p class=\"note\">not given: ").append(Html.escape(String.join(", ", report.notGiven()))).append("</p>\n");
        }
        out.append("</section>\n");
        return out.toString();
    }

    private static void verdict(StringBuilder out, Verdict v, Comparison c, Equations equations, Map<Node, Integer> deltas,
                                DeltaColours colours) {
        String kind = switch (v.kind()) {
            case EQUAL_PROVED -> "proved";
            case EQUAL_NUMERIC -> "numeric";
            case DIFFERS -> "differs";
        };
        String badge = switch (v.kind()) {
            case EQUAL_PROVED -> "equal, proved by rewriting";
            case EQUAL_NUMERIC -> "equal on random instances";
            case DIFFERS -> "differs";
        };
        out.append("<div class=\"verdict ").append(kind).append("\">\n<div class=\"verdict-head\"><span class=\"badge\">")
                .append(badge).append("</span> <code>").append(Html.escape(v.name())).append("</code> <span class=\"where\">")
                .append(Html.escape(v.file() + ":" + v.line() + ":" + v.column())).append("</span></div>\n");
        if (c != null) {
            Equation named = equations.bySymbol(c.name());
            String lhs = named == null ? "\\mathrm{" + c.name().replace("_", "\\_") + "}" : equations.latexLabel(named);
            if (named != null && named.kind() == Equations.Kind.DELTA) {
                lhs = TermMarks.colour(colours.of(named.subject()), lhs);
            }
            Function<Node, String> symbols = n -> {
                String s = c.symbols().get(n);
                return c.name().equals(s) ? null : s;
            };
            String yours = equations.latex(c.yours(), symbols, new TermMarks(deltas, c.yoursDiffers()));
            String derived = equations.latex(c.derived(), symbols, new TermMarks(deltas, c.derivedDiffers()));
            out.append("<div class=\"sides\">\n");
            side(out, "yours", EquationsHtml.lhs(lhs) + " = " + yours, c.name() + " (yours)");
            side(out, "derived", EquationsHtml.lhs(lhs) + " = " + derived, c.name() + " (derived)");
            out.append("</div>\n");
        }
        String detail = switch (v.kind()) {
            case EQUAL_PROVED -> v.rules().isEmpty() ? "the same expression" : "rules: " + String.join("; ", v.rules());
            case EQUAL_NUMERIC -> "equal on " + v.detail();
            case DIFFERS -> v.detail();
        };
        out.append("<p class=\"detail\">").append(Html.escape(detail)).append("</p>\n</div>\n");
    }

    private static void side(StringBuilder out, String which, String tex, String name) {
        out.append("<div class=\"side ").append(which).append("\"><div class=\"side-label\">").append(which)
                .append("</div><div class=\"eq\" data-name=\"").append(Html.escape(name)).append("\" data-tex=\"")
                .append(Html.escape(tex)).append("\"><span class=\"fallback\">").append(Html.escape(name))
                .append("</span></div></div>\n");
    }
}
