package deltac.autodiff;

import deltac.graph.Graph;
import deltac.graph.Node;
import deltac.graph.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What reverse mode derived from a graph: the error signal δ at each pre-activation and the gradient of the
 * loss with respect to each parameter, as nodes of the same IR (they share the forward graph's nodes), so they
 * can be printed, simplified, interpreted, compiled and differentiated again.
 *
 * @param graph     the forward graph
 * @param deltas    δ at each pre-activation, from the output backwards
 * @param gradients ∂C/∂P for every parameter, in declaration order
 * @param rules     the rewrite rules that fired, with how often, in the order they first fired
 */
public record Derivation(Graph graph, List<Delta> deltas, List<Gradient> gradients, Map<String, Integer> rules) {

    /** δ for the named pre-activation {@code local}: ∂C/∂local. */
    public record Delta(String local, Node preActivation, Node value) {
        /** The ASCII name, as hand-derived formulas write it: {@code delta_z1}. */
        public String name() {
            return "delta_" + local;
        }
    }

    /** ∂C/∂param. */
    public record Gradient(Param param, Node value) {
        /** The ASCII name, as hand-derived formulas write it: {@code dW1}. */
        public String name() {
            return "d" + param.name();
        }
    }

    public Derivation {
        deltas = List.copyOf(deltas);
        gradients = List.copyOf(gradients);
        rules = Map.copyOf(rules);
    }

    /** The gradient of one parameter. */
    public Node gradient(String param) {
        return gradients.stream().filter(g -> g.param().name().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + param)).value();
    }

    /** The loss and every gradient: what an engine evaluates for one training step. */
    public List<Node> roots() {
        List<Node> roots = new ArrayList<>();
        roots.add(graph.loss());
        for (Gradient g : gradients) {
            roots.add(g.value());
        }
        return roots;
    }
}
