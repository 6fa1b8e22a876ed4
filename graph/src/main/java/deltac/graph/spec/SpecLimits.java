package deltac.graph.spec;

import java.time.Duration;

/**
 * Bounds that keep a hostile or broken spec from overflowing the stack or hanging the reader.
 *
 * <p>JavaParser recurses once per nesting level and overflows a default stack at about 1,000 levels, so the
 * text is scanned for its nesting before it is parsed, and the parse runs on a thread of its own with a
 * known stack size and a time limit.
 *
 * @param maxBytes          the largest spec file
 * @param maxNesting        the deepest nesting of parentheses, brackets and braces
 * @param maxOperators      the most operators in one statement (each nests the syntax tree one level)
 * @param stackBytes        the parsing thread's stack
 * @param timeout           how long parsing and checking may take
 */
public record SpecLimits(int maxBytes, int maxNesting, int maxOperators, long stackBytes, Duration timeout) {
    public static final SpecLimits DEFAULT =
            new SpecLimits(1 << 20, 200, 20_000, 256L << 20, Duration.ofSeconds(20));

    /** These limits with another time bound. */
    public SpecLimits withTimeout(Duration timeout) {
        return new SpecLimits(maxBytes, maxNesting, maxOperators, stackBytes, timeout);
    }
}
