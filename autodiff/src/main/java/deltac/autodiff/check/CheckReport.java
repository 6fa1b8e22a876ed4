package deltac.autodiff.check;

import deltac.graph.spec.Diagnostic;
import java.util.List;

/**
 * The result of checking a formulas file: a verdict per formula, or the diagnostics that stopped the reading;
 * the derived names the file gave no formula for; and, a formula per verdict in the same order, each formula
 * beside its derived value as expressions.
 */
public record CheckReport(List<Verdict> verdicts, List<Diagnostic> diagnostics, List<String> notGiven,
                          List<Comparison> comparisons) {
    public CheckReport {
        verdicts = List.copyOf(verdicts);
        diagnostics = List.copyOf(diagnostics);
        notGiven = List.copyOf(notGiven);
        comparisons = List.copyOf(comparisons);
    }

    /** A report without the expressions. */
    public CheckReport(List<Verdict> verdicts, List<Diagnostic> diagnostics, List<String> notGiven) {
        this(verdicts, diagnostics, notGiven, List.of());
    }

    /** Every formula read and equal to its derivation. */
    public boolean allEqual() {
        return diagnostics.stream().noneMatch(Diagnostic::isError) && !verdicts.isEmpty()
                && verdicts.stream().allMatch(Verdict::equal);
    }
}
