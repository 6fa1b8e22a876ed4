package deltac.autodiff.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus of hand-derived formulas in {@code src/test/resources/check/}: a directory per network, its spec in
 * {@code net.java}, and a file per formula (one formula each), the mistakes textbooks and course forums warn
 * about and correct formulas written otherwise than {@code derive} prints them. The first line of a formula's
 * file is the verdict it must get, without the position and numbers that change with the instances:
 *
 * <pre>
 * // expect: delta_z1: equal, proved by rewriting
 * // expect: delta_z1: equal on 5 random instances
 * // expect: delta_z1: differs; your delta_z1 lacks the term ((W³)ᵀ δ³) ⊙ relu′(z¹), from a² = relu(z²) + a¹
 * // expect: error 5:23: shape mismatch in product: ...; it uses W³ where the derivative has (W³)ᵀ
 * </pre>
 *
 * A second line {@code // form: batch} checks the batch form. One test runs them all and prints the counts by
 * verdict and by kind of reason. Run with {@code -Dgolden.update=true} to rewrite the expect lines from what
 * {@code check} now says, then review the diff: each line is a promise to a user.
 */
class CheckCorpusTest {
    /** The sources, not target/test-classes, so that an update rewrites the files under version control. */
    static final Path DIR = Path.of("src/test/resources/check");
    static final String EXPECT = "// expect: ";
    static final String BATCH = "// form: batch";
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** What a verdict says, without what changes with the instances: the kind and the reason. */
    static String said(CheckReport report) {
        for (Diagnostic d : report.diagnostics()) {
            if (d.isError()) {
                return "error " + d.line() + ":" + d.column() + ": " + d.message();
            }
        }
        assertEquals(1, report.verdicts().size(), "one formula per file: " + report.verdicts());
        Verdict v = report.verdicts().get(0);
        return switch (v.kind()) {
            case EQUAL_PROVED -> v.name() + ": equal, proved by rewriting";
            case EQUAL_NUMERIC -> v.name() + ": equal on " + Instances.COUNT + " random instances";
            case DIFFERS -> v.name() + ": differs" + (v.detail().contains("; ")
                    ? v.detail().substring(v.detail().indexOf("; ")) : "");
        };
    }

    /** The kind of each edit a reason names, by its words. */
    static List<String> kinds(String said) {
        int at = said.indexOf("; ");
        List<String> kinds = new ArrayList<>();
        if (at < 0) {
            return kinds;
        }
        for (String part : said.substring(at + 2).split(", and ")) {
            kinds.add(part.contains("lacks the term") ? "missing term"
                    : part.contains("extra term") ? "extra term"
                    : part.contains("factor 1/n") ? "1/n"
                    : part.contains("lacks the factor") || part.contains("extra factor") ? "factor missing or extra"
                    : part.contains("wrong sign") ? "sign"
                    : part.contains("times the derived one") ? "constant factor"
                    : part.contains("not summed over the batch") ? "not summed over the batch"
                    : part.contains("wrong order") || part.contains("wrong factors") || part.contains("is the transpose of")
                            ? "product order"
                    : part.contains("its transpose") || part.matches("it uses (.+) where the derivative has \\(?\\1\\)?ᵀ")
                            || part.matches("it uses \\(?(.+?)\\)?ᵀ where the derivative has \\1") ? "transpose"
                    : part.startsWith("it uses") ? "wrong variable"
                    : part.startsWith("it has") ? "coefficient" : "other: " + part);
        }
        return kinds;
    }

    /** The README's check section shows verdicts of corpus files as printed: each is what check prints today. */
    @Test
    void theReadmesExamplesAreWhatCheckPrints() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### check\n"));
        section = section.substring(0, section.indexOf("\n### ", 1));
        int shown = 0;
        for (String line : section.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\w+)/(\\w+\\.java):\\d+:\\d+: ").matcher(line);
            if (!m.find() || !Files.isDirectory(DIR.resolve(m.group(1)))) {
                continue; // not a file of the corpus (the examples' by-hand file)
            }
            String name = m.group(1) + "/" + m.group(2);
            String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
            CheckReport r = FormulaChecker.check(Spec.parse(DIR.resolve(m.group(1)).resolve("net.java")), text, name,
                    text.contains(BATCH));
            String printed = r.diagnostics().isEmpty() ? r.verdicts().get(0).toString() : r.diagnostics().get(0).toString();
            assertEquals(printed, line, "README, check section");
            shown++;
        }
        assertTrue(shown >= 20, shown + " examples in the README");
    }

    @Test
    void everyCaseGetsItsGoldenVerdict() throws Exception {
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        int networks = 0;
        int cases = 0;
        try (Stream<Path> dirs = Files.list(DIR)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Graph net = Spec.parse(dir.resolve("net.java"));
                networks++;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("net.java"))
                            .sorted().toList()) {
                        cases++;
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        String[] lines = text.split("\n", -1);
                        assertTrue(lines[0].startsWith(EXPECT), file + ": the first line must be " + EXPECT + "...");
                        boolean batch = lines.length > 1 && lines[1].strip().equals(BATCH);
                        String name = dir.getFileName() + "/" + file.getFileName();
                        String actual = said(FormulaChecker.check(net, text, name, batch));
                        String expected = lines[0].substring(EXPECT.length()).strip();
                        if (UPDATE && !actual.equals(expected)) {
                            Files.writeString(file, EXPECT + actual + text.substring(lines[0].length()), StandardCharsets.UTF_8);
                        } else if (!actual.equals(expected)) {
                            mismatches.add(name + "\n  expected: " + expected + "\n  actual:   " + actual);
                        }
                        String verdict = expected.startsWith("error") ? "diagnosed, shapes do not fit"
                                : expected.contains(": equal, proved") ? "proved"
                                : expected.contains(": equal on") ? "equal on instances"
                                : expected.contains("; ") ? "diagnosed" : "differs without a reason";
                        verdicts.merge(verdict, 1, Integer::sum);
                        if (expected.startsWith("error") || verdict.equals("diagnosed")) {
                            List<String> kinds = kinds(expected);
                            kinds.forEach(k -> reasons.merge(k, 1, Integer::sum));
                            if (kinds.size() > 1) {
                                reasons.merge("(two edits in one reason)", 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("check corpus: " + cases + " formulas over " + networks + " networks");
        verdicts.forEach((k, n) -> System.out.println("  " + k + ": " + n));
        System.out.println("reasons by kind:");
        reasons.forEach((k, n) -> System.out.println("  " + k + ": " + n));
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases + " verdicts differ from their golden"
                + " (rerun with -Dgolden.update=true on purpose):\n" + String.join("\n", mismatches));
        // the README's figures (its check section), exact since every verdict is golden: none differs without a
        // reason, no reason is "other"
        assertEquals(84, cases, "formulas");
        assertEquals(10, networks, "networks");
        assertEquals(Map.of("diagnosed", 38, "diagnosed, shapes do not fit", 17, "proved", 28, "equal on instances", 1),
                verdicts);
        assertEquals(Map.ofEntries(Map.entry("missing term", 9), Map.entry("extra term", 1), Map.entry("coefficient", 3),
                Map.entry("factor missing or extra", 7), Map.entry("1/n", 4), Map.entry("sign", 1),
                Map.entry("constant factor", 2), Map.entry("wrong variable", 11), Map.entry("transpose", 10),
                Map.entry("product order", 9), Map.entry("not summed over the batch", 2),
                Map.entry("(two edits in one reason)", 4)), reasons);
    }
}
