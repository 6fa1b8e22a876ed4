package deltac.codegen.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.Graph;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every δ and gradient the random campaign's networks derive, per sample, is left with no op whose arguments are all
 * constants (a constant matrix, or n where the batch size is bound): the rewriter folded them. The forward values the
 * equations name (a spec's own c / n) are the spec's, as written.
 */
class FoldedConstantsTest {
    private static final Set<Op> FOLDABLE = EnumSet.of(Op.ADD, Op.SUB, Op.DIVIDE, Op.SCALE, Op.NEG, Op.HADAMARD,
            Op.MATMUL, Op.MATMUL_TN, Op.MATMUL_NT, Op.EXP, Op.LOG, Op.SQRT, Op.SQUARE, Op.ABS, Op.SUM, Op.SUM_ROWS,
            Op.SUM_COLS, Op.MEAN);

    @Test
    void theDerivedEquationsOfRandomNetworksLeaveNoConstantUnfolded() {
        List<String> left = new ArrayList<>();
        for (long seed = 1; seed <= DifferentialFuzzTest.SHORT; seed++) {
            Graph graph = FuzzNetwork.generate(seed).graph().withBatch(1);
            Derivation d = Autodiff.derive(graph);
            List<Node> roots = new ArrayList<>();
            d.deltas().forEach(delta -> roots.add(delta.value()));
            d.gradients().forEach(g -> roots.add(g.value()));
            Set<Node> forward = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            forward.addAll(graph.topologicalOrder()); // the spec's own values, as written: not the derivation's to fold
            for (Node n : Graph.topologicalOrder(roots, forward::contains)) {
                if (n instanceof Apply a && FOLDABLE.contains(a.op()) && a.args().stream().allMatch(FoldedConstantsTest::constant)
                        && !(a.op() == Op.LOG && a.args().stream().anyMatch(x -> x instanceof Const c && c.value() <= 0))) {
                    left.add("seed " + seed + ": " + a.op() + " of " + a.args());
                    break;
                }
            }
        }
        assertTrue(left.isEmpty(), left.size() + " networks keep a foldable constant:\n"
                + String.join("\n", left.subList(0, Math.min(10, left.size()))));
    }

    private static boolean constant(Node n) {
        return n instanceof Const || (n instanceof Apply a && a.op() == Op.COLS && a.arg(0).shape().cols() != Shape.N);
    }
}
