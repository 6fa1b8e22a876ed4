package deltac.autodiff.simplify;

import deltac.autodiff.Derivation;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Param;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A derivation's gradients in the form an engine computes: the {@link Rules#LOWERING} rules (σ′(z) from the
 * stored activation, a ⊙ (1 − a); tanh′ as 1 − a²) and the algebra after them, on nodes interned with the forward
 * graph, which is left as it is. Both engines compute these.
 */
public final class ForComputing {
    private ForComputing() {}

    /** Each parameter's gradient, lowered, in the derivation's order. */
    public static Map<Param, Node> gradients(Derivation derivation) {
        Graph graph = derivation.graph();
        GraphBuilder builder = GraphBuilder.extending(graph);
        Set<Node> forward = Collections.newSetFromMap(new IdentityHashMap<>());
        forward.addAll(graph.topologicalOrder());
        List<Rule> rules = new ArrayList<>(Rules.LOWERING);
        rules.addAll(Rules.ALGEBRA);
        Rewriter lowering = new Rewriter(rules, builder, forward);
        List<Node> copies = builder.copyAll(derivation.gradients().stream().map(Derivation.Gradient::value).toList());
        Map<Param, Node> lowered = new LinkedHashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            lowered.put(derivation.gradients().get(i).param(), lowering.rewrite(copies.get(i)));
        }
        return lowered;
    }
}
