package deltac.autodiff.print;

import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.Graph;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions in textbook notation (Unicode text) with the names of a spec and its derivation, for messages
 * about a formula: {@code ((W³)ᵀ δ³) ⊙ relu′(z¹)}, {@code δ² (a¹)ᵀ}. A named value is written by its name.
 *
 * <pre>{@code
 * Notation n = Notation.of(graph, Map.of("delta_z1", d1, "dW1", g1));
 * n.text(node);                       // ((W²)ᵀ δ²) ⊙ σ′(z¹)
 * n.definition(graph.locals().get("a2"));   // relu(z²) + a¹
 * }</pre>
 */
public final class Notation {
    private final Map<Node, String> names = new IdentityHashMap<>();
    private final MathRenderer renderer = new MathRenderer(false, this::written, true);

    private Notation() {}

    /** @param derived values named as {@code deltac derive --format ascii} names them: delta_z1, dW1 */
    public static Notation of(Graph graph, Map<String, Node> derived) {
        Notation n = new Notation();
        graph.locals().forEach((local, node) -> n.names.putIfAbsent(node, Symbols.text(local)));
        long deltas = derived.keySet().stream().filter(k -> k.startsWith("delta_")).count();
        derived.forEach((name, node) -> n.names.putIfAbsent(node, name.startsWith("delta_")
                ? Symbols.deltaText(name.substring("delta_".length()), deltas == 1)
                : "∂C/∂" + Symbols.text(name.substring(1))));
        return n;
    }

    /** The expression, each named value by its name. */
    public String text(Node node) {
        return renderer.render(node);
    }

    /** What a named value is defined as: its op applied to its arguments, which are written by name. */
    public String definition(Node node) {
        return renderer.define(node);
    }

    /** An op applied to arguments whose shapes need not fit it, as a formula that failed to read has it: W² δ². */
    public String text(Op op, List<Node> args) {
        return renderer.define(new Apply(op, args, 0, Shape.SCALAR));
    }

    /** A named value's name; a column (row) of ones as 1ₙ (1ₙᵀ), which a sum over the batch multiplies by. */
    private String written(Node node) {
        if (node instanceof Const c && c.value() == 1 && !c.shape().isScalar()
                && (c.shape().isColumn() || c.shape().rows() == 1)) {
            String size = Symbols.subscript(Shape.dim(c.shape().isColumn() ? c.shape().rows() : c.shape().cols()));
            return "1" + size + (c.shape().isColumn() ? "" : "ᵀ");
        }
        return names.get(node);
    }

    /** The name a value is written by, or null. */
    public String name(Node node) {
        return names.get(node);
    }
}
