package deltac.report;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Equations.Equation;
import deltac.autodiff.print.Equations.Kind;
import deltac.graph.Node;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One form of the equations (per sample or batch) as HTML: a block per equation holding its LaTeX for KaTeX, the
 * Unicode text as the fallback a browser without scripts shows, and the shape of what it defines beside it. The
 * left side is wrapped in {@code \htmlClass{lhs}{…}} so that the page's script can line the equals signs up.
 */
final class EquationsHtml {
    private EquationsHtml() {}

    static String section(Equations equations, DeltaColours colours, String id, String title, String note) {
        StringBuilder out = new StringBuilder();
        out.append("<section class=\"form\" id=\"").append(id).append("\">\n");
        out.append("<h3>").append(Html.escape(title)).append("</h3>\n");
        out.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        TermMarks marks = new TermMarks(deltaNodes(equations, colours), Set.of());
        block(out, "Forward", equations.forward(), equations, marks, colours);
        block(out, "Backward", equations.backward(), equations, marks, colours);
        out.append("</section>\n");
        return out.toString();
    }

    /** The value of each δ, by node: a δ written anywhere takes its colour. */
    static Map<Node, Integer> deltaNodes(Equations equations, DeltaColours colours) {
        Map<Node, Integer> out = new IdentityHashMap<>();
        for (Equation e : equations.all()) {
            if (e.kind() == Kind.DELTA) {
                out.putIfAbsent(e.value(), colours.of(e.subject()));
            }
        }
        return out;
    }

    private static void block(StringBuilder out, String title, List<Equation> list, Equations equations,
                              TermMarks marks, DeltaColours colours) {
        out.append("<h4>").append(title).append("</h4>\n<div class=\"eqs\">\n");
        for (Equation e : list) {
            String[] latex = equations.latex(e, marks);
            String lhs = latex[0];
            if (e.kind() == Kind.DELTA) {
                lhs = TermMarks.colour(colours.of(e.subject()), lhs);
            }
            String tex = lhs(TermMarks.shape(e.value(), lhs)) + " = " + latex[1];
            out.append(row(tex, equations.text(e), e.value().shape().toString(), e.symbol()));
        }
        out.append("</div>\n");
    }

    static String lhs(String latex) {
        return "\\htmlClass{lhs}{" + latex + "}";
    }

    /** One typeset block and the shape beside it. */
    static String row(String tex, String fallback, String shape, String name) {
        return "<div class=\"eq-row\"><div class=\"eq\" data-name=\"" + Html.escape(name) + "\" data-tex=\""
                + Html.escape(tex) + "\"><span class=\"fallback\">" + Html.escape(fallback) + "</span></div>"
                + "<div class=\"shape\" title=\"the shape of " + Html.escape(name) + "\">" + Html.escape(shape)
                + "</div></div>\n";
    }
}
