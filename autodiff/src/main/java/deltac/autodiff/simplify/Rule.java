package deltac.autodiff.simplify;

import deltac.graph.Apply;
import deltac.graph.Node;

/**
 * A named rewrite: the identity it applies is its name ({@code "x + 0 → x"}). {@link #apply} returns the
 * replacement, or null when the rule does not match.
 */
public record Rule(String name, Rewrite rewrite) {

    @FunctionalInterface
    public interface Rewrite {
        Node apply(Apply node, Rewriter.Context context);
    }

    public Node apply(Apply node, Rewriter.Context context) {
        return rewrite.apply(node, context);
    }

    @Override
    public String toString() {
        return name;
    }
}
