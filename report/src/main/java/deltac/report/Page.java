package deltac.report;

import deltac.autodiff.print.Equations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Puts the page together: the Content-Security-Policy first (no load of any kind; scripts only by their hashes,
 * fonts only as {@code data:} URLs), KaTeX's style sheet and the page's, the sections, then KaTeX's script and the
 * page's, all inline.
 */
final class Page {
    private Page() {}

    static String html(Report.Contents contents) {
        Equations perSample = Equations.perSample(contents.graph());
        Equations batch = Equations.batch(contents.graph());
        Equations shown = contents.batch() ? batch : perSample;
        DeltaColours colours = new DeltaColours(perSample);
        Katex.Assets katex = Katex.assets();
        String guard = Resources.text("guard.js");
        String script = Resources.text("report.js");
        String title = contents.graph().name() + ": backpropagation, derived";

        StringBuilder body = new StringBuilder();
        body.append("<header>\n<h1>").append(Html.escape(contents.graph().name()))
                .append(" <span class=\"sub\">backpropagation, derived</span></h1>\n<p class=\"source\">from <code>")
                .append(Html.escape(contents.graph().sourceFile())).append("</code> by deltac</p>\n")
                .append("<p id=\"selfcheck\" class=\"pending\">self-check: running</p>\n</header>\n<main>\n");
        body.append(conventions(contents.graph()));
        body.append("<section id=\"equations\">\n<h2>Equations</h2>\n<div class=\"forms\">\n");
        String perSampleHtml = EquationsHtml.section(perSample, colours, "per-sample", "Per sample",
                "x is one sample, a column; the loss is that sample's.");
        String batchHtml = EquationsHtml.section(batch, colours, "batch", "Batch form",
                "x holds n samples, a column each; the loss is their mean, so δ at the output carries 1/n and a bias gradient sums the columns (· 1ₙ).");
        body.append(contents.batch() ? batchHtml + perSampleHtml : perSampleHtml + batchHtml);
        body.append("</div>\n</section>\n");
        body.append(graphSection(shown, colours, contents));
        if (contents.check() != null) {
            body.append(VerdictsHtml.section(contents.check(), contents.byHandFile(),
                    contents.checkBatch() ? batch : perSample, colours));
        }
        if (contents.history() != null) {
            body.append(Curves.section(contents.history(), contents.trainedOn()));
        }
        body.append("</main>\n<footer>Typeset with KaTeX ").append(Html.escape(katex.version()))
                .append(", inlined: this page loads nothing. Hover a term for its shape.</footer>\n");

        List<String> scripts = List.of(guard, katex.script(), script);
        StringBuilder out = new StringBuilder(katex.script().length() + katex.style().length() + body.length() + 8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy(scripts)).append("\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<title>").append(Html.escape(title)).append("</title>\n");
        out.append("<script>").append(guard).append("</script>\n");
        out.append("<style>").append(katex.style()).append("</style>\n");
        out.append("<style>").append(Resources.text("report.css")).append("</style>\n");
        out.append("</head>\n<body>\n").append(body);
        out.append("<script>").append(katex.script()).append("</script>\n");
        out.append("<script>").append(script).append("</script>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** The conventions, their example the spec's first input. */
    private static String conventions(deltac.graph.Graph graph) {
        deltac.graph.Input first = graph.inputs().stream().filter(i -> !i.isTarget()).findFirst()
                .orElse(graph.inputs().isEmpty() ? null : graph.inputs().get(0));
        String input = first == null ? "an input of 784 features" : "the input " + deltac.autodiff.print.Symbols.text(first.name());
        int rows = first == null ? 784 : first.shape().rows();
        return Resources.text("conventions.html").replace("{{input}}", Html.escape(input)).replace("{{rows}}", Integer.toString(rows));
    }

    private static String graphSection(Equations equations, DeltaColours colours, Report.Contents contents) {
        GraphModel model = new GraphModel(equations, colours);
        String svg = GraphSvg.svg(model, contents.graph().name() + ", " + (equations.isBatch() ? "batch form" : "per sample"));
        return "<section id=\"graph\">\n<h2>Graph <button type=\"button\" class=\"download\" data-svg=\"graph-svg\" "
                + "data-file=\"" + Html.escape(fileName(contents.graph().name())) + ".svg\">download SVG</button></h2>\n"
                + "<p class=\"note\">" + (equations.isBatch() ? "Batch form: n is the number of samples." : "Per sample.")
                + " Each δ has the colour of its equations; hover a box for its equation.</p>\n"
                + "<div class=\"graph-box\" id=\"graph-svg\">\n" + svg + "</div>\n</section>\n";
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** No load of any kind: only the page's own inline scripts (by hash), inline styles and data: fonts. */
    static String policy(List<String> scripts) {
        List<String> hashes = new ArrayList<>();
        for (String s : scripts) {
            hashes.add("'sha256-" + sha256(s) + "'");
        }
        return "default-src 'none'; script-src " + String.join(" ", hashes)
                + "; style-src 'unsafe-inline'; font-src data:; img-src data:; connect-src 'none'; "
                + "base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
