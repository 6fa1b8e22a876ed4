package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden diagnostics, in the style of jlox's tests: every file in {@code specs/errors/} is a small, complete,
 * broken spec whose first line says the one diagnostic it must get:
 *
 * <pre>
 * // expect: LINE:COL: message
 * // expect: LINE:COL: warning: message
 * </pre>
 *
 * Run with {@code -Dgolden.update=true} to rewrite those lines from what the parser now says, instead of
 * failing (then review the diff: every position and message is a promise to users).
 */
class SpecDiagnosticsTest {
    /** The sources, not target/test-classes, so that an update rewrites the files under version control. */
    static final Path DIR = Path.of("src/test/resources/specs/errors");
    static final String EXPECT = "// expect: ";
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Pattern EXPECTATION = Pattern.compile("(\\d+):(\\d+): (warning: )?(.+)");

    static Stream<Path> specs() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void eachSpecGetsItsOneExpectedDiagnostic(Path spec) throws IOException {
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        String name = spec.getFileName().toString();
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        assertTrue(firstLine.startsWith(EXPECT), name + ": the first line must be \"" + EXPECT + "LINE:COL: message\"");

        SpecResult result = Spec.read(text, name);
        List<Diagnostic> diagnostics = result.diagnostics();
        String actual = diagnostics.stream().map(SpecDiagnosticsTest::withoutFile).collect(Collectors.joining("\n"));

        if (UPDATE) {
            if (diagnostics.size() != 1) {
                fail(name + ": cannot pin " + diagnostics.size() + " diagnostics on one line:\n" + actual);
            }
            String updated = EXPECT + actual + (firstLineEnd < 0 ? "" : text.substring(firstLineEnd));
            if (!updated.equals(text)) {
                Files.writeString(spec, updated, StandardCharsets.UTF_8);
            }
            return;
        }

        String expected = firstLine.substring(EXPECT.length()).strip();
        assertEquals(1, diagnostics.size(), name + ": expected exactly one diagnostic, got:\n" + actual);
        assertEquals(expected, actual, name);

        Diagnostic d = diagnostics.get(0);
        assertEquals(name, d.file(), "the diagnostic names the file it was given");
        assertEquals(name + ":" + expected, d.toString(), "the one-line form is file:line:col: message");
        assertEquals(d.isError(), result.graph().isEmpty(), name + ": a graph exactly when there is no error");
        assertFalse(d.message().contains("\n"), name + ": a message is one line");
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertTrue(d.line() >= 1 && d.line() <= lines && d.column() >= 1, name + ": positioned inside the file");
    }

    /** {@code line:col: [warning: ]message}, the diagnostic's one-line form without the file name. */
    static String withoutFile(Diagnostic d) {
        return d.line() + ":" + d.column() + ": " + (d.isError() ? "" : "warning: ") + d.message();
    }

    @Test
    void theGoldenFilesCoverEnoughCases() throws IOException {
        assumeFalse(UPDATE, "placeholders are allowed while the goldens are being rewritten");
        List<Path> specs = specs().toList();
        assertTrue(specs.size() >= 18, "at least 18 golden specs, found " + specs.size());
        long warnings = 0;
        for (Path spec : specs) {
            String firstLine = Files.readString(spec).lines().findFirst().orElse("");
            Matcher m = EXPECTATION.matcher(firstLine.startsWith(EXPECT) ? firstLine.substring(EXPECT.length()) : "");
            assertTrue(m.matches(), spec + ": malformed expectation " + firstLine);
            if (m.group(3) != null) {
                warnings++;
            }
        }
        assertTrue(warnings >= 2, "the goldens pin warnings too");
        assertTrue(warnings < specs.size(), "and errors");
    }

    @Test
    void theDiagnosticsOneLineFormIsCompilerStyle() {
        assertEquals("net.java:3:14: shape mismatch", Diagnostic.error("net.java", 3, 14, "shape mismatch").toString());
        assertEquals("net.java:2:5: warning: unused", Diagnostic.warning("net.java", 2, 5, "unused").toString());
    }

    /** The README's reliability table counts these files: a new one changes the count there too. */
    @Test
    void theReadmeCountsEveryBrokenSpec() throws IOException {
        Matcher row = Pattern.compile("\\| Spec diagnostics \\| (\\d+) broken specs").matcher(Files.readString(Path.of("../README.md")));
        assertTrue(row.find(), "the README's Spec diagnostics row");
        assertEquals(specs().count(), Long.parseLong(row.group(1)), "broken specs in " + DIR + " and in the README");
    }
}
