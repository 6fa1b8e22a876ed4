package deltac.fuzz;

import java.util.Optional;

/**
 * Findings already reported and not yet fixed, told apart by where they happen. A campaign counts them and prints
 * them, with an input, but does not fail on them; any other finding fails it. Delete an entry when its issue is
 * fixed: the campaign then fails if it comes back.
 */
enum KnownIssue {
    /**
     * {@code MathRenderer} recurses once per level of an expression, so printing the equations of a spec the reader
     * accepts ({@code b/b/…/b} with 1,000 terms, a 5,000-term sum, 3,000 nested tanh, 5,000 unary minuses) overflows
     * the default 1 MB stack: {@code deltac derive} fails with a {@link StackOverflowError}.
     */
    PRINTER_RECURSION("deltac.autodiff.print.MathRenderer", Kind.STACK_OVERFLOW,
            "printing equations recurses once per level (MathRenderer): a StackOverflowError at ~1,000 levels"),
    /**
     * The printed equations grow exponentially with the nesting of softmax or logSoftmax (their vector-Jacobian
     * product uses the output twice, and the printer writes out every use): 12 nested softmax print 0.5 MB, 16 print
     * 11 MB in a second, 20 take minutes. The derivation itself is a DAG and stays fast.
     */
    PRINTER_BLOWUP("deltac.autodiff.print.MathRenderer", Kind.HANG,
            "printed equations grow ×2 per nested softmax (MathRenderer writes shared terms out): minutes at 20 levels"),
    /**
     * The rewriter gives up on a chain of about 200 unary minuses under a scaling ({@code 0.5 * sum(square(- - … - V))}):
     * {@code IllegalStateException: the rewrite rules do not terminate on Apply[SCALE, 4×4]}, so {@code deltac derive}
     * fails with an internal error on a spec the reader accepts.
     */
    REWRITER_GIVES_UP("deltac.autodiff.simplify.Rewriter", Kind.EXCEPTION,
            "the rewriter throws 'the rewrite rules do not terminate' on ~200 nested unary minuses under a scaling"),
    /**
     * {@code Diagnosis.rebuild} recurses once per level of a hand-derived formula, so a formula of ~8,000 terms that
     * differs from the derivation overflows the default stack in {@code deltac check}.
     */
    DIAGNOSIS_RECURSION("deltac.autodiff.check.Diagnosis", Kind.STACK_OVERFLOW,
            "explaining a differing formula recurses once per level (Diagnosis.rebuild): a StackOverflowError at ~8,000 terms"),
    /**
     * {@code Rewriter.resolve} recomputes a topological order for every rewrite, so simplifying a chain of k unary
     * minuses takes time quadratic in k: 5,000 take 2.7 s, 20,000 take 29 s (the reader accepts 20,000 operators).
     */
    REWRITER_QUADRATIC("deltac.autodiff.simplify.Rewriter", Kind.HANG,
            "simplification is quadratic in the depth (Rewriter.resolve re-sorts per rewrite): 20,000 unary minuses take ~29 s");

    enum Kind { STACK_OVERFLOW, HANG, EXCEPTION }

    private final String className;
    private final Kind kind;
    final String summary;

    KnownIssue(String className, Kind kind, String summary) {
        this.className = className;
        this.kind = kind;
        this.summary = summary;
    }

    static Optional<KnownIssue> of(Finding f) {
        for (KnownIssue issue : values()) {
            boolean kindMatches = switch (issue.kind) {
                case HANG -> f.isHang();
                case STACK_OVERFLOW -> f.isStackOverflow();
                case EXCEPTION -> f.getCause() instanceof RuntimeException;
            };
            if (kindMatches && f.passesThrough(issue.className)) {
                return Optional.of(issue);
            }
        }
        return Optional.empty();
    }
}
