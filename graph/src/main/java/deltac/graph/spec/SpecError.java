package deltac.graph.spec;

/** Stops translation at the first error: the spec gets exactly one error, where it is. */
final class SpecError extends RuntimeException {
    final Diagnostic diagnostic;

    SpecError(Diagnostic diagnostic) {
        super(diagnostic.toString(), null, false, false);
        this.diagnostic = diagnostic;
    }
}
