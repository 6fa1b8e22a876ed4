package deltac.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.print.Equations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's page, read as text: it loads nothing, and it has what the browser is to show. */
class PageTest {
    /** Namespace names, which identify and are never fetched. */
    private static final Set<String> NAMESPACES = Set.of("http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML");

    static List<String> specs() throws Exception {
        return Examples.specs();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void noExternalUrlAnywhere(String spec) throws Exception {
        String html = Examples.html(spec);
        Matcher urls = Pattern.compile("(?i)(https?|ftp|wss?)://[^\"'\\s)<>]*").matcher(html);
        while (urls.find()) {
            assertTrue(NAMESPACES.contains(urls.group()), spec + ": an address in the page: " + urls.group());
        }
        String markup = html.replaceAll("(?s)<script>.*?</script>", "<script></script>");
        assertFalse(Pattern.compile("(?i)\\s(src|href|srcset|action|poster|data)\\s*=").matcher(markup).find(),
                spec + ": a src or href attribute");
        Matcher css = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (css.find()) {
            String target = css.group(1).replace("\"", "").replace("'", "");
            assertTrue(target.startsWith("data:") || target.startsWith("#"), spec + ": url(" + target + ")");
        }
        assertFalse(html.contains("@import"), spec);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aPolicyForbidsEveryLoadAndAllowsExactlyThePagesScripts(String spec) throws Exception {
        String html = Examples.html(spec);
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(policy.find(), "no policy");
        assertTrue(policy.start() < html.indexOf("<script"), "the policy comes before every script");
        String csp = policy.group(1);
        assertTrue(csp.startsWith("default-src 'none'; "), csp);
        assertTrue(csp.contains("font-src data:;") && csp.contains("connect-src 'none'"), csp);
        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(scripts.group(1).getBytes(StandardCharsets.UTF_8)));
            assertTrue(csp.contains("'sha256-" + hash + "'"), "script " + count + " is not allowed by its hash");
            count++;
        }
        assertEquals(3, count, "the guard, KaTeX, the page's script");
        assertFalse(html.contains("url(fonts/"), "every KaTeX font is inlined");
        assertTrue(html.contains("font/woff2;base64,"), "the fonts are there");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void oneTypesetBlockPerEquation(String spec) throws Exception {
        Report.Contents contents = Examples.contents(spec);
        String html = Examples.html(spec);
        int equations = Equations.perSample(contents.graph()).all().size() + Equations.batch(contents.graph()).all().size();
        int formulas = contents.check() == null ? 0 : contents.check().verdicts().size();
        assertEquals(equations + 2 * formulas, count(html, "<div class=\"eq\" "), spec);
        assertEquals(count(html, "<div class=\"eq\" "), count(html, " data-tex=\""), spec);
        assertTrue(html.contains("\\htmlData{shape="), "terms carry their shapes");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyEdgeIsLabelledWithAShape(String spec) throws Exception {
        String html = Examples.html(spec);
        Matcher edges = Pattern.compile("<g class=\"edge[^\"]*\">(.*?)</g>").matcher(html);
        int count = 0;
        while (edges.find()) {
            Matcher label = Pattern.compile("<text class=\"label\"[^>]*>(\\d+|n)×(\\d+|n)</text>").matcher(edges.group(1));
            assertTrue(label.find(), spec + ": an edge without a shape: " + edges.group(1));
            count++;
        }
        assertTrue(count > 5, spec + ": " + count + " edges");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void noTwoBoxesOverlap(String spec) throws Exception {
        Report.Contents contents = Examples.contents(spec);
        for (boolean batch : new boolean[] {false, true}) {
            Equations equations = batch ? Equations.batch(contents.graph()) : Equations.perSample(contents.graph());
            GraphModel model = new GraphModel(equations, new DeltaColours(equations));
            List<GraphSvg.Rect> boxes = GraphSvg.boxes(model);
            assertEquals(model.forward.size() + model.backward.size() + model.forwardArcs.size() + model.backwardArcs.size(),
                    boxes.size());
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertFalse(boxes.get(i).overlaps(boxes.get(j)), spec + ": " + boxes.get(i) + " overlaps " + boxes.get(j));
                }
            }
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
