package deltac.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.simplify.Rewriter;
import deltac.autodiff.simplify.Rule;
import deltac.autodiff.simplify.Rules;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.ShapeException;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The rules {@code check} proves with keep every value: on the random graphs of {@link RandomGraphPropertyTest},
 * each raw (unsimplified) gradient expanded to a sum of products ({@link Rules#EXPANSION}, with σ′ lowered or
 * not, after {@link Rules#RAISING} or not) computes what it computed before, and the expansion terminates.
 */
class ExpansionPropertyTest {
    private static final int GRAPHS = 300;

    @Test
    void expandingKeepsEveryGradientsValue() throws ShapeException {
        int checked = 0;
        int tooLarge = 0;
        List<String> failures = new ArrayList<>();
        for (long seed = RandomGraphPropertyTest.FIRST_SEED; seed < RandomGraphPropertyTest.FIRST_SEED + GRAPHS; seed++) {
            RandomGraphPropertyTest.Generator gen = new RandomGraphPropertyTest.Generator(seed);
            Graph graph = gen.generate();
            if (!Double.isFinite(FiniteDifferences.loss(graph, gen.bindings))) {
                continue;
            }
            Derivation raw = Autodiff.derive(graph, List.of());
            for (int variant = 0; variant < 3; variant++) {
                GraphBuilder builder = GraphBuilder.extending(graph);
                Set<Node> forward = Collections.newSetFromMap(new IdentityHashMap<>());
                forward.addAll(graph.topologicalOrder());
                List<Rule> rules = Rules.expanded(variant == 0);
                Rewriter raising = new Rewriter(Rules.RAISING, builder, forward);
                Rewriter rewriter = new Rewriter(rules, builder, forward).budget(50_000);
                graph.locals().values().forEach(rewriter::markOpaque);
                List<Node> before = new ArrayList<>();
                List<Node> after = new ArrayList<>();
                try {
                    for (Derivation.Gradient g : raw.gradients()) {
                        Node value = builder.copy(g.value());
                        before.add(value);
                        after.add(rewriter.rewrite(variant == 2 ? raising.rewrite(value) : value));
                    }
                } catch (Rewriter.TooLarge e) {
                    tooLarge++;
                    continue;
                }
                List<Node> all = new ArrayList<>(before);
                all.addAll(after);
                Values v = Interpreter.evaluate(all, gen.bindings);
                for (int i = 0; i < before.size(); i++) {
                    double d = difference(v.get(before.get(i)), v.get(after.get(i)));
                    if (!(d <= 1e-9)) {
                        failures.add("seed " + seed + " variant " + variant + " gradient " + i + ": relative difference " + d
                                + " after " + rewriter.fired().keySet());
                    }
                }
                checked++;
            }
        }
        System.out.println("expansions checked: " + checked + ", too large: " + tooLarge);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked > 2 * GRAPHS, "only " + checked + " expansions checked (" + tooLarge + " too large)");
    }

    /** The largest difference, relative to the larger side's largest entry (with a floor of 1). */
    private static double difference(DMatrixRMaj a, DMatrixRMaj b) {
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < a.data.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a.data[i]), Math.abs(b.data[i])));
        }
        for (int i = 0; i < a.data.length; i++) {
            worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
        }
        return worst / scale;
    }
}
