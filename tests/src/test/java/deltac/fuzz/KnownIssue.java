package deltac.fuzz;

import java.util.Optional;

/**
 * Findings already reported and not yet fixed, told apart by where they happen. A campaign counts them and prints
 * them, with an input, but does not fail on them; any other finding fails it. Delete an entry when its issue is
 * fixed: the campaign then fails if it comes back.
 */
enum KnownIssue {
    ; // none open: PRINTER_BLOWUP and REWRITER_QUADRATIC were fixed (FoundInputsTest keeps their inputs)

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
