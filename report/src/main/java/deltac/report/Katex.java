package deltac.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KaTeX as the page inlines it, read from the pinned {@code org.webjars.npm:katex} jar on the class path: the
 * minified script, and the style sheet with each font's WOFF2 file as a {@code data:} URL in place of its three
 * relative URLs (WOFF2 is what every current browser reads; the WOFF and TrueType fallbacks would only add weight).
 */
final class Katex {
    private Katex() {}

    private static final Pattern FONT_SOURCES = Pattern.compile(
            "src:url\\(fonts/([A-Za-z0-9_-]+)\\.woff2\\) format\\(\"woff2\"\\)(,url\\(fonts/[A-Za-z0-9_.-]+\\) format\\(\"[a-z]+\"\\))*");

    private static volatile Assets assets;

    /** The script and the style sheet, fonts inlined. */
    record Assets(String version, String script, String style) {}

    static Assets assets() {
        Assets a = assets;
        if (a == null) {
            String version = version();
            String root = "META-INF/resources/webjars/katex/" + version + "/dist/";
            a = new Assets(version, text(root + "katex.min.js"), inlineFonts(text(root + "katex.min.css"), root));
            assets = a;
        }
        return a;
    }

    /** The version of the webjar on the class path, from its Maven properties. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    static String inlineFonts(String css, String root) {
        Matcher m = FONT_SOURCES.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String data = Base64.getEncoder().encodeToString(bytes(root + "fonts/" + m.group(1) + ".woff2"));
            m.appendReplacement(out, Matcher.quoteReplacement("src:url(data:font/woff2;base64," + data + ") format(\"woff2\")"));
        }
        m.appendTail(out);
        String inlined = out.toString();
        if (inlined.contains("url(fonts/")) {
            throw new IllegalStateException("KaTeX's style sheet has a font this reader does not inline: "
                    + inlined.substring(inlined.indexOf("url(fonts/"), inlined.indexOf("url(fonts/") + 60));
        }
        return inlined;
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Katex.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("KaTeX is not on the class path: no " + path
                    + " (the org.webjars.npm:katex dependency)");
        }
        return in;
    }
}
