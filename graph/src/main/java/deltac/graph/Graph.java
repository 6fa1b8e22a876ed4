package deltac.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A network: its data inputs, parameters, named intermediate values and a scalar loss. Immutable and
 * shape-checked; made by a {@link GraphBuilder} (the spec parser and the fluent {@link Network} use one).
 *
 * @param name       the spec's class name, e.g. {@code MnistMlp}
 * @param sourceFile the spec's file name, or a description of where the graph came from
 * @param inputs     inputs and targets, in declaration order
 * @param params     parameters, in declaration order
 * @param locals     the spec's named values (fields and locals defined by expressions), in order
 * @param loss       the scalar being minimized
 * @param training   how the spec says it trains, or {@link Training#NONE}
 */
public record Graph(String name, String sourceFile, List<Input> inputs, List<Param> params,
                    Map<String, Node> locals, Node loss, Training training) {

    public Graph {
        Objects.requireNonNull(training, "training (Training.NONE for none)");
        inputs = List.copyOf(inputs);
        params = List.copyOf(params);
        locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
        if (!loss.shape().isScalar()) {
            throw new IllegalArgumentException("the loss must be a scalar (1×1) but is " + loss.shape());
        }
    }

    /** A graph that does not say how it trains. */
    public Graph(String name, String sourceFile, List<Input> inputs, List<Param> params, Map<String, Node> locals,
                 Node loss) {
        this(name, sourceFile, inputs, params, locals, loss, Training.NONE);
    }

    /** This graph with other training settings. */
    public Graph withTraining(Training training) {
        return new Graph(name, sourceFile, inputs, params, locals, loss, training);
    }

    public Optional<Input> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The prediction: the value the loss compares with the target (the first argument of the loss function,
     * e.g. {@code a2} in {@code crossEntropy(a2, y)}), or the loss itself when it has no loss function.
     */
    public Node output() {
        List<Node> order = topologicalOrder(List.of(loss));
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i) instanceof Apply a
                    && (a.op() == Op.MSE || a.op() == Op.CROSS_ENTROPY || a.op() == Op.BINARY_CROSS_ENTROPY)) {
                return a.arg(0);
            }
        }
        return loss;
    }

    /** The name a spec gave this node (a leaf's own name, or the first local bound to it), if any. */
    public Optional<String> nameOf(Node node) {
        if (node instanceof Input i) {
            return Optional.of(i.name());
        }
        if (node instanceof Param p) {
            return Optional.of(p.name());
        }
        for (Map.Entry<String, Node> local : locals.entrySet()) {
            if (local.getValue() == node) {
                return Optional.of(local.getKey());
            }
        }
        return Optional.empty();
    }

    /** Every node the loss and the locals depend on, each after its arguments. */
    public List<Node> topologicalOrder() {
        List<Node> roots = new ArrayList<>(locals.values());
        roots.add(loss);
        return topologicalOrder(roots);
    }

    /** Every node the roots depend on, each after its arguments; iterative, so deep graphs do not overflow. */
    public static List<Node> topologicalOrder(List<Node> roots) {
        return topologicalOrder(roots, node -> false);
    }

    /**
     * The nodes the roots depend on, each after its arguments, without going into (or listing) the nodes
     * {@code skip} accepts: a pass that has already handled part of a graph visits only the rest.
     */
    public static List<Node> topologicalOrder(List<Node> roots, Predicate<Node> skip) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        for (Node root : roots) {
            if (seen.containsKey(root) || skip.test(root)) {
                continue;
            }
            seen.put(root, true);
            stack.push(root);
            next.push(0);
            while (!stack.isEmpty()) {
                Node top = stack.peek();
                int i = next.pop();
                List<Node> args = top instanceof Apply a ? a.args() : List.of();
                if (i < args.size()) {
                    next.push(i + 1);
                    Node arg = args.get(i);
                    if (!seen.containsKey(arg) && !skip.test(arg)) {
                        seen.put(arg, true);
                        stack.push(arg);
                        next.push(0);
                    }
                } else {
                    order.add(stack.pop());
                }
            }
        }
        return order;
    }

    /**
     * This graph with the batch size {@code n} bound to a number: every {@code ×n} becomes {@code ×batch}.
     * With 1, a derivation's equations are the per-sample ones a textbook writes.
     */
    public Graph withBatch(int batch) {
        GraphBuilder b = new GraphBuilder(name, sourceFile);
        b.training(training);
        Map<Node, Node> rebuilt = new IdentityHashMap<>();
        for (Input input : inputs) {
            rebuilt.put(input, b.input(input.name(), bind(input.shape(), batch), input.role()));
        }
        for (Param param : params) {
            rebuilt.put(param, b.param(param.name(), param.shape(), param.init()));
        }
        for (Node node : topologicalOrder()) {
            if (node instanceof Const c) {
                rebuilt.put(node, b.constant(c.value(), bind(c.shape(), batch)));
            } else if (node instanceof Apply a) {
                Node[] args = a.args().stream().map(rebuilt::get).toArray(Node[]::new);
                try {
                    rebuilt.put(node, b.apply(a.op(), a.attr(), args));
                } catch (ShapeException e) {
                    throw new IllegalStateException("binding n to " + batch + " broke a shape rule of " + a.op(), e);
                }
            }
        }
        locals.forEach((local, node) -> b.name(local, rebuilt.get(node)));
        return b.build(rebuilt.get(loss));
    }

    private static Shape bind(Shape shape, int batch) {
        return Shape.of(shape.rows() == Shape.N ? batch : shape.rows(), shape.cols() == Shape.N ? batch : shape.cols());
    }

    /**
     * Structural equality with a graph from another builder: same leaves, same locals, same expressions, same
     * training settings (wherever each was written).
     */
    public boolean sameAs(Graph other) {
        if (!name.equals(other.name) || !inputs.equals(other.inputs) || !params.equals(other.params)
                || !locals.keySet().equals(other.locals.keySet()) || !training.sameAs(other.training)) {
            return false;
        }
        Map<Node, Node> matched = new IdentityHashMap<>();
        for (String local : locals.keySet()) {
            if (!same(locals.get(local), other.locals.get(local), matched)) {
                return false;
            }
        }
        return same(loss, other.loss, matched);
    }

    /** Structural equality of two DAGs, iteratively (a deep graph must not overflow the stack). */
    private static boolean same(Node a, Node b, Map<Node, Node> matched) {
        Deque<Node[]> pending = new ArrayDeque<>();
        pending.push(new Node[] {a, b});
        while (!pending.isEmpty()) {
            Node[] pair = pending.pop();
            Node x = pair[0];
            Node y = pair[1];
            if (matched.get(x) == y) {
                continue;
            }
            if (x instanceof Apply ax && y instanceof Apply ay) {
                if (ax.op() != ay.op() || Double.compare(ax.attr(), ay.attr()) != 0 || !ax.shape().equals(ay.shape())
                        || ax.args().size() != ay.args().size()) {
                    return false;
                }
                for (int i = 0; i < ax.args().size(); i++) {
                    pending.push(new Node[] {ax.arg(i), ay.arg(i)});
                }
            } else if (!x.equals(y)) {
                return false;
            }
            matched.put(x, y);
        }
        return true;
    }
}
