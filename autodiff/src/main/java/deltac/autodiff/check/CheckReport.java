package deltac.autodiff.check;

import deltac.graph.spec.Diagnostic;
import java.util.List;

/**
 * The result of checking a formulas file: a verdict per formula, or the diagnostics that stopped the reading;
 * and the derived names the file gave no formula for.
 */
public record CheckReport(List<Verdict> verdicts, List<Diagnostic> diagnostics, List<String> notGiven) {
    public CheckReport {
        verdicts = List.copyOf(verdicts);
        diagnostics = List.copyOf(diagnostics);
        notGiven = List.copyOf(notGiven);
    }

    /** Every formula read and equal to its derivation. */
    public boolean allEqual() {
        return diagnostics.stream().noneMatch(Diagnostic::isError) && !verdicts.isEmpty()
                && verdicts.stream().allMatch(Verdict::equal);
    }
}
