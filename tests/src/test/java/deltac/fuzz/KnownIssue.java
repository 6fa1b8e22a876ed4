package deltac.fuzz;

import java.util.Optional;

/**
 * Findings already reported and not yet fixed, told apart by where they happen. A campaign counts them and prints
 * them, with an input, but does not fail on them; any other finding fails it. Delete an entry when its issue is
 * fixed: the campaign then fails if it comes back.
 */
enum KnownIssue {
    /**
     * The printed equations grow exponentially with the nesting of softmax or logSoftmax (their vector-Jacobian
     * product uses the output twice, and the printer writes out every use): 12 nested softmax print 0.5 MB, 16 print
     * 11 MB in a second, 20 take minutes. The derivation itself is a DAG and stays fast.
     */
    PRINTER_BLOWUP("deltac.autodiff.print.MathRenderer", Kind.HANG,
            "printed equations grow ×2 per nested softmax (MathRenderer writes shared terms out): minutes at 20 levels"),
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
