package deltac.autodiff;

import deltac.autodiff.simplify.Rewriter;
import deltac.autodiff.simplify.Rule;
import deltac.autodiff.simplify.Rules;
import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbolic reverse mode: derives a graph's backpropagation equations in matrix form.
 *
 * <pre>{@code
 * Derivation d = Autodiff.derive(Spec.parse(Path.of("examples/mnist_mlp.java")));
 * Node dW1 = d.gradient("W1");                       // δ¹ xᵀ, a node of the same IR
 * Values v = Interpreter.evaluate(d.roots(), bindings);
 * }</pre>
 */
public final class Autodiff {
    private Autodiff() {}

    /** Ops whose argument is a pre-activation: the δ of a named argument is an equation of its own. */
    private static final Set<Op> ACTIVATIONS = Set.of(Op.SIGMOID, Op.TANH, Op.RELU, Op.LEAKY_RELU, Op.SOFTMAX,
            Op.LOG_SOFTMAX);

    /** A loss applied to a value that is not an activation's output (a linear output layer) also starts a δ. */
    private static final Set<Op> LOSSES = Set.of(Op.MSE, Op.CROSS_ENTROPY, Op.BINARY_CROSS_ENTROPY);

    public static Derivation derive(Graph graph) {
        return derive(graph, Rules.ALGEBRA);
    }

    /** Derives, then simplifies with these rules (an empty list gives the raw reverse-mode terms). */
    public static Derivation derive(Graph graph, List<Rule> rules) {
        return deltac.graph.DeepStack.call(() -> deriveHere(graph, rules));
    }

    /** The first declared input (not target) that the loss reads, else the first feed it reads; null if none. */
    private static Node batchInput(Graph graph, List<Node> order) {
        Set<Node> read = Collections.newSetFromMap(new IdentityHashMap<>());
        read.addAll(order);
        List<deltac.graph.Input> reached = graph.inputs().stream().filter(read::contains).toList();
        return reached.stream().filter(i -> !i.isTarget()).findFirst().orElse(reached.isEmpty() ? null : reached.get(0));
    }

    private static Derivation deriveHere(Graph graph, List<Rule> rules) {
        GraphBuilder builder = GraphBuilder.extending(graph);
        List<Node> order = Graph.topologicalOrder(List.of(graph.loss()));
        Terms terms = new Terms(builder, batchInput(graph, order));
        Set<Node> needed = dependOnParams(order);
        Map<Node, Node> adjoints = new IdentityHashMap<>();
        Map<String, Integer> fired = new LinkedHashMap<>();
        adjoints.put(graph.loss(), builder.constant(1));
        Vjp.Adjoints sink = new Vjp.Adjoints() {
            @Override
            public boolean wants(Node node) {
                return needed.contains(node);
            }

            @Override
            public void add(Node node, Node term, String fusedRule) {
                adjoints.merge(node, term, terms::add);
                if (fusedRule != null) {
                    fired.merge(fusedRule, 1, Integer::sum);
                }
            }
        };
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            Node g = adjoints.get(node);
            if (g != null && node instanceof Apply apply) {
                Vjp.contribute(apply, g, terms, sink);
            }
        }
        return simplify(graph, builder, adjoints, order, rules, fired);
    }

    private static Derivation simplify(Graph graph, GraphBuilder builder, Map<Node, Node> adjoints,
                                       List<Node> order, List<Rule> rules, Map<String, Integer> fired) {
        Set<Node> forward = Collections.newSetFromMap(new IdentityHashMap<>());
        forward.addAll(graph.topologicalOrder());
        Rewriter rewriter = new Rewriter(rules, builder, forward);
        List<Derivation.Delta> deltas = new ArrayList<>();
        Set<Node> preActivations = preActivations(order);
        Map<Node, String> localNames = new IdentityHashMap<>(); // graph.nameOf scans the locals: once, not per node
        graph.locals().forEach((name, n) -> localNames.putIfAbsent(n, name));
        // from the output backwards, so that each δ is simplified before the δs and gradients that use it
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            String local = localNames.get(node);
            if (local != null && adjoints.containsKey(node) && preActivations.contains(node)) {
                Node delta = rewriter.rewrite(adjoints.get(node));
                rewriter.markOpaque(delta);
                deltas.add(new Derivation.Delta(local, node, delta));
            }
        }
        List<Derivation.Gradient> gradients = new ArrayList<>();
        for (Param param : graph.params()) {
            Node g = adjoints.get(param);
            Node value = g == null ? builder.constant(0, param.shape()) : rewriter.rewrite(g);
            if (!value.shape().equals(param.shape())) {
                throw new IllegalStateException("∂C/∂" + param.name() + " is " + value.shape() + ", not " + param.shape());
            }
            gradients.add(new Derivation.Gradient(param, value));
        }
        rewriter.fired().forEach((rule, count) -> fired.merge(rule, count, Integer::sum));
        return new Derivation(graph, deltas, gradients, fired);
    }

    /** The nodes through which the loss depends on a parameter: only they need an adjoint. */
    private static Set<Node> dependOnParams(List<Node> order) {
        Set<Node> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : order) {
            if (node instanceof Param) {
                needed.add(node);
            } else if (node instanceof Apply apply && apply.args().stream().anyMatch(needed::contains)) {
                needed.add(node);
            }
        }
        return needed;
    }

    /**
     * The nodes that are an activation's argument, or a loss's first argument when they are not an activation's output
     * themselves: the pre-activations a δ is named for. One pass over the graph.
     */
    private static Set<Node> preActivations(List<Node> order) {
        Set<Node> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node user : order) {
            if (user instanceof Apply a && !a.args().isEmpty()) {
                Node node = a.arg(0);
                boolean activationOutput = node instanceof Apply b && ACTIVATIONS.contains(b.op());
                if (ACTIVATIONS.contains(a.op()) || (LOSSES.contains(a.op()) && !activationOutput)) {
                    found.add(node);
                }
            }
        }
        return found;
    }

}
