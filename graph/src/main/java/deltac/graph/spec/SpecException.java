package deltac.graph.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec had errors; the message is their one-line forms. */
public final class SpecException extends Exception {
    private final List<Diagnostic> diagnostics;

    public SpecException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
