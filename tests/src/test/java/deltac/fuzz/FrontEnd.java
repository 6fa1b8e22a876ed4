package deltac.fuzz;

import deltac.autodiff.check.CheckReport;
import deltac.autodiff.check.FormulaChecker;
import deltac.autodiff.check.Verdict;
import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecLimits;
import deltac.graph.spec.SpecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fuzz target: deltac's front end on one input, with the only outcomes it may have.
 *
 * <ul>
 * <li>{@link #spec}: the spec reader (parser and shape checker); when the text is a spec, its derivation, per sample
 *     and for a batch, printed as text and as ASCII.</li>
 * <li>{@link #formulas}: {@code check}'s formula reader and the checker, the text taken as hand-derived formulas for
 *     one of the small examples.</li>
 * </ul>
 *
 * Allowed: a graph (with no error), or exactly one error diagnostic (warnings aside) in this file, positioned inside
 * the text, on one line. Anything else, or any exception, is a {@link Finding}. Time bounds are the caller's
 * ({@link Bounded}).
 */
final class FrontEnd {
    static final String FILE = "fuzzed.java";

    /** What an input gave, for the campaign's counts. */
    enum Outcome { GRAPH, SPEC_ERROR, VERDICTS, FORMULA_ERROR }

    private FrontEnd() {}

    /** The spec reader, then the derivation and its printers when the text is a spec. */
    static Outcome spec(String text) {
        SpecResult result = Spec.read(text, FILE);
        if (result == null) {
            throw new Finding("Spec.read returned null", text, null);
        }
        checkDiagnostics(text, result.diagnostics());
        if (result.ok()) {
            if (!result.errors().isEmpty()) {
                throw new Finding("a graph came with errors: " + result.errors(), text, null);
            }
            Graph graph = result.graph().orElseThrow();
            derive(text, graph);
            return Outcome.GRAPH;
        }
        if (result.errors().size() != 1) {
            throw new Finding("no graph, and " + result.errors().size() + " errors instead of one: "
                    + result.diagnostics(), text, null);
        }
        return Outcome.SPEC_ERROR;
    }

    private static void derive(String text, Graph graph) {
        try {
            String batch = Equations.batch(graph).print(Format.TEXT);
            String perSample = Equations.perSample(graph).print(Format.ASCII);
            if (batch.isEmpty() || perSample.isEmpty()) {
                throw new Finding("the derivation printed nothing", text, null);
            }
        } catch (Finding f) {
            throw f;
        } catch (RuntimeException | StackOverflowError e) {
            throw new Finding("deriving a spec the reader accepted threw " + e, text, e);
        }
    }

    /** The specs that formulas are checked against, by the class name a formulas file starts with. */
    private static final Map<String, Graph> SPECS = new LinkedHashMap<>();

    static synchronized Graph specFor(String formulas) {
        if (SPECS.isEmpty()) {
            Map<String, String> seeds = Seeds.specs();
            // the seeds are the project's own examples: read without the time bound, which a starved fuzzing
            // process (instrumented, niced beside a build) once exceeded, and any failure said plainly
            SpecLimits trusted = SpecLimits.DEFAULT.withTimeout(java.time.Duration.ofMinutes(10));
            for (String name : List.of("xor", "logistic_regression", "mnist_mlp", "iris_mlp")) {
                SpecResult seed = Spec.read(seeds.get(name + ".java"), name + ".java", trusted);
                SPECS.put(name, seed.graph().orElseThrow(
                        () -> new IllegalStateException("the seed spec " + name + " does not read: " + seed.diagnostics())));
            }
        }
        String name = formulas.contains("class Xor") ? "xor"
                : formulas.contains("class Logistic") ? "logistic_regression"
                : formulas.contains("class Mnist") ? "mnist_mlp" : "iris_mlp";
        return SPECS.get(name);
    }

    /** {@code check}'s formula reader and checker, against the spec the text's class name picks. */
    static Outcome formulas(String text) {
        Graph spec = specFor(text);
        boolean batch = (text.length() & 1) == 1;
        CheckReport report;
        try {
            report = FormulaChecker.check(spec, text, FILE, batch);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Finding("checking formulas threw " + e, text, e);
        }
        checkDiagnostics(text, report.diagnostics());
        long errors = report.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 1) {
            throw new Finding(errors + " errors instead of at most one: " + report.diagnostics(), text, null);
        }
        if (errors == 1) {
            if (!report.verdicts().isEmpty()) {
                throw new Finding("verdicts despite an error: " + report.diagnostics(), text, null);
            }
            return Outcome.FORMULA_ERROR;
        }
        for (Verdict v : report.verdicts()) {
            checkPosition(text, v.line(), v.column(), "verdict " + v);
        }
        return Outcome.VERDICTS;
    }

    /** Every diagnostic in this file, on one line, positioned inside the text. */
    static void checkDiagnostics(String text, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (!FILE.equals(d.file())) {
                throw new Finding("a diagnostic names another file: " + d, text, null);
            }
            if (d.message() == null || d.message().isBlank()) {
                throw new Finding("a diagnostic without a message: " + d, text, null);
            }
            if (d.message().indexOf('\n') >= 0 || d.message().indexOf('\r') >= 0) {
                throw new Finding("a diagnostic on more than one line: " + d, text, null);
            }
            checkPosition(text, d.line(), d.column(), "diagnostic " + d);
        }
    }

    /**
     * Inside the text: line 1 up to the last line, column 1 up to one past the end of that line (where "expected ;"
     * and "unexpected end of file" point). Lines end at \n, \r\n or a lone \r, as in Java and JavaParser's positions.
     */
    private static void checkPosition(String text, int line, int column, String what) {
        List<Integer> lines = lineLengths(text);
        if (!inside(lines, line, column)) {
            throw new Finding(what + ": " + (line < 1 || line > lines.size() ? "line " + line + " is outside 1.."
                    + lines.size() : "column " + column + " is outside 1.." + (lines.get(line - 1) + 1) + " of line "
                    + line), text, null);
        }
    }

    private static boolean inside(List<Integer> lines, int line, int column) {
        return line >= 1 && line <= lines.size() && column >= 1 && column <= lines.get(line - 1) + 1;
    }

    /** The length of each line, in chars. */
    static List<Integer> lineLengths(String text) {
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r') {
                lengths.add(i - start);
                i += crlf ? 1 : 0;
                start = i + 1;
            }
        }
        lengths.add(text.length() - start);
        return lengths;
    }
}
