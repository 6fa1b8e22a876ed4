package deltac.autodiff.check;

import deltac.autodiff.Derivation;
import deltac.autodiff.print.Notation;
import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forward graph as a reader of a diagnosis sees it: which layer a value belongs to (layer k is the one whose
 * pre-activation has the k-th δ, counted from the input), and which use of a value a term of its gradient
 * comes from, when the value feeds more than one place (a residual connection, a tied weight, a penalty).
 */
final class Anatomy {
    /** Stands for the loss among the places a use leads to first. */
    private static final Node LOSS = new deltac.graph.Const(Double.NaN, deltac.graph.Shape.SCALAR);

    private final Graph graph;
    private final Notation notation;
    private final Map<Node, Node> deltaOf = new IdentityHashMap<>();
    private final Map<Node, Integer> layer = new IdentityHashMap<>();
    private final Map<Node, List<Apply>> users = new IdentityHashMap<>();
    private final List<Node> order;

    /** @param derived the derived values by their ASCII names, as the formulas see them */
    Anatomy(Graph graph, Derivation derivation, Map<String, Node> derived, Notation notation) {
        this.graph = graph;
        this.notation = notation;
        List<Derivation.Delta> deltas = derivation.deltas();
        for (int i = 0; i < deltas.size(); i++) {
            Derivation.Delta d = deltas.get(i);
            deltaOf.put(d.preActivation(), derived.get(d.name()));
            layer.put(d.preActivation(), deltas.size() - i);
        }
        order = Graph.topologicalOrder(List.of(graph.loss()));
        for (Node n : order) {
            if (n instanceof Apply a) {
                for (Node arg : a.args()) {
                    List<Apply> u = users.computeIfAbsent(arg, k -> new ArrayList<>());
                    if (!u.contains(a)) {
                        u.add(a);
                    }
                }
            }
        }
    }

    /** "layer 2's activation", "the input", ... for a value of the spec; null when there is nothing to say. */
    String role(Node value) {
        if (value instanceof Input i) {
            long inputs = graph.inputs().stream().filter(x -> !x.isTarget()).count();
            return i.isTarget() ? "the target" : inputs == 1 ? "the input" : "an input";
        }
        if (layer.containsKey(value)) {
            return "layer " + layer.get(value) + "'s pre-activation";
        }
        if (graph.nameOf(value).isEmpty() || !(value instanceof Apply)) {
            return null;
        }
        int k = 0;
        for (Node n : Graph.topologicalOrder(List.of(value))) {
            k = Math.max(k, layer.getOrDefault(n, 0));
        }
        return k == 0 ? null : "layer " + k + "'s activation";
    }

    /**
     * Where a term of a gradient comes from: "from a² = relu(z²) + a¹", the use of the value (the parameter, or
     * the activation of the pre-activation) that the term's δ and factors point to; null when the value has one
     * use, or no use fits better than the others.
     */
    String origin(String formula, Node term, Set<Node> atoms) {
        Node value = formula.startsWith("delta_") ? graph.locals().get(formula.substring("delta_".length()))
                : graph.param(formula.substring(1)).orElse(null);
        while (value != null && users.getOrDefault(value, List.of()).size() == 1) {
            value = users.get(value).get(0);
        }
        if (value == null || users.getOrDefault(value, List.of()).size() < 2) {
            return null;
        }
        // the term's nodes, the named values among them included but not what they are made of
        Set<Node> parts = Expansion.identitySet(List.of());
        Deque<Node> walk = new ArrayDeque<>(List.of(term));
        while (!walk.isEmpty()) {
            Node n = walk.pop();
            if (parts.add(n) && !atoms.contains(n) && n instanceof Apply a) {
                walk.addAll(a.args());
            }
        }
        boolean hasDelta = deltaOf.values().stream().anyMatch(parts::contains);
        Apply best = null;
        int bestScore = -1;
        boolean tie = false;
        for (Apply use : users.get(value)) {
            Set<Node> first = firstDeltas(use);
            boolean leads = hasDelta ? first.stream().anyMatch(parts::contains) : first.contains(LOSS);
            int score = (leads ? 100 : 0);
            for (Node arg : use.args()) {
                score += arg != value && parts.contains(arg) ? 1 : 0;
            }
            if (score > bestScore) {
                best = use;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return tie || bestScore <= 0 ? null : "from " + container(best);
    }

    /** The δs a use reaches first going forward, and the loss if it reaches it through no pre-activation. */
    private Set<Node> firstDeltas(Node use) {
        Set<Node> out = Expansion.identitySet(List.of());
        Set<Node> seen = Expansion.identitySet(List.of());
        Deque<Node> todo = new ArrayDeque<>(List.of(use));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (deltaOf.containsKey(n)) {
                out.add(deltaOf.get(n));
            } else if (n == graph.loss()) {
                out.add(LOSS);
            } else {
                todo.addAll(users.getOrDefault(n, List.of()));
            }
        }
        return out;
    }

    /** The named value (or the term of the loss) a use is part of, with its definition. */
    private String container(Apply use) {
        Node n = use;
        while (graph.nameOf(n).isEmpty() && n != graph.loss() && users.getOrDefault(n, List.of()).size() == 1) {
            n = users.get(n).get(0);
        }
        if (graph.nameOf(n).isPresent()) {
            return notation.text(n) + " = " + notation.definition(n);
        }
        if (n != graph.loss()) {
            return notation.text(n);
        }
        List<Node> summands = new ArrayList<>();
        collectSummands(graph.loss(), summands);
        for (Node s : summands) {
            if (summands.size() > 1 && Graph.topologicalOrder(List.of(s)).contains(use)) {
                return "the term " + notation.text(s) + " of C";
            }
        }
        return "C = " + notation.definition(graph.loss());
    }

    private static void collectSummands(Node n, List<Node> out) {
        if (n instanceof Apply a && a.op() == Op.ADD) {
            collectSummands(a.arg(0), out);
            collectSummands(a.arg(1), out);
        } else {
            out.add(n);
        }
    }
}
