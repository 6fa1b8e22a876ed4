package deltac.graph.spec;

import deltac.graph.Graph;
import java.util.List;
import java.util.Optional;

/** What reading a spec gave: the graph when there was no error, and every diagnostic (warnings too). */
public record SpecResult(Optional<Graph> graph, List<Diagnostic> diagnostics) {

    public SpecResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return graph.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The graph, or a {@link SpecException} carrying the diagnostics. */
    public Graph orThrow() throws SpecException {
        return graph.orElseThrow(() -> new SpecException(diagnostics));
    }
}
