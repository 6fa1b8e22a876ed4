package deltac.graph.spec;

import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a formula read leniently gets past its shape errors, so that {@code check} can say which mistake made
 * them: where an op's two arguments do not fit, they are transposed or swapped (the {@code choice}-th way that
 * fits, in the order of {@link #ways}), and the repair is recorded. A formula of the wrong shape is kept as it is.
 */
public final class Repairs {
    /** One op read otherwise than written: its arguments as written and as read, and how many ways fitted. */
    public record Repair(String formula, Op op, List<Node> written, List<Node> read, int ways) {}

    private final List<Integer> choices;
    private final List<Repair> made = new ArrayList<>();
    private String formula = "";

    /** @param choices for the i-th repair, which of the ways that fit to take (0 when the list is shorter) */
    public Repairs(List<Integer> choices) {
        this.choices = List.copyOf(choices);
    }

    /** The repairs made, in the order the reading met them. */
    public List<Repair> made() {
        return List.copyOf(made);
    }

    /** The formula (or helper) being read, for the repairs that follow. */
    void formula(String name) {
        this.formula = name;
    }

    /**
     * The op applied to its arguments transposed or swapped: Aᵀ B, A Bᵀ, B A, Aᵀ Bᵀ, Bᵀ A, B Aᵀ for a product;
     * Aᵀ ∘ B, A ∘ Bᵀ for the others; or null when none fits.
     */
    Node repair(GraphBuilder builder, Op op, double attr, Node a, Node b) {
        List<Node[]> fitting = new ArrayList<>();
        List<Node> results = new ArrayList<>();
        for (Node[] way : ways(builder, op, a, b)) {
            try {
                results.add(op == Op.MATMUL ? builder.times(way[0], way[1]) : builder.apply(op, attr, way));
                fitting.add(way);
            } catch (ShapeException e) {
                // this way does not fit either
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        int i = made.size() < choices.size() ? Math.min(choices.get(made.size()), fitting.size() - 1) : 0;
        made.add(new Repair(formula, op, List.of(a, b), List.of(fitting.get(i)), fitting.size()));
        return results.get(i);
    }

    private static List<Node[]> ways(GraphBuilder builder, Op op, Node a, Node b) {
        List<Node[]> ways = new ArrayList<>();
        try {
            Node at = builder.apply(Op.TRANSPOSE, a);
            Node bt = builder.apply(Op.TRANSPOSE, b);
            ways.add(new Node[] {at, b});
            ways.add(new Node[] {a, bt});
            if (op == Op.MATMUL) {
                ways.add(new Node[] {b, a});
                ways.add(new Node[] {at, bt});
                ways.add(new Node[] {bt, a});
                ways.add(new Node[] {b, at});
            }
        } catch (ShapeException e) {
            throw new IllegalStateException("a transpose always fits", e);
        }
        return ways;
    }
}
