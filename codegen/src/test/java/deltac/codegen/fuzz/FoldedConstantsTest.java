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
 * Every δ and gradient the random campaign's networks derive is left with no constant a textbook would have folded:
 * per sample, no op whose arguments are all constants (a constant matrix, or n where the batch size is bound); in
 * the batch form, no product of two constant coefficients (a constant or c/n: 0.001 ((−1)/n)), no coefficient times
 * a constant matrix inside a product or sum of constants (1ᵀ ((c/n) 1)); in both, no subtraction of a negative
 * coefficient (a − (−0.003) x). The forward values the equations name (a spec's own c / n) are the spec's, as written.
 */
class FoldedConstantsTest {
    private static final Set<Op> FOLDABLE = EnumSet.of(Op.ADD, Op.SUB, Op.DIVIDE, Op.SCALE, Op.NEG, Op.HADAMARD,
            Op.MATMUL, Op.MATMUL_TN, Op.MATMUL_NT, Op.EXP, Op.LOG, Op.SQRT, Op.SQUARE, Op.ABS, Op.SUM, Op.SUM_ROWS,
            Op.SUM_COLS, Op.MEAN);

    @Test
    void perSampleTheDerivedEquationsOfRandomNetworksLeaveNoConstantUnfolded() {
        assertNoneLeft(true);
    }

    @Test
    void inBatchFormTheyLeaveNoCoefficientUnfolded() {
        assertNoneLeft(false);
    }

    private static void assertNoneLeft(boolean perSample) {
        List<String> left = new ArrayList<>();
        for (long seed = 1; seed <= DifferentialFuzzTest.SHORT; seed++) {
            Graph graph = FuzzNetwork.generate(seed).graph();
            graph = perSample ? graph.withBatch(1) : graph;
            Derivation d = Autodiff.derive(graph);
            List<Node> roots = new ArrayList<>();
            d.deltas().forEach(delta -> roots.add(delta.value()));
            d.gradients().forEach(g -> roots.add(g.value()));
            Set<Node> forward = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            forward.addAll(graph.topologicalOrder()); // the spec's own values, as written: not the derivation's to fold
            for (Node n : Graph.topologicalOrder(roots, forward::contains)) {
                if (n instanceof Apply a && unfolded(a)) {
                    left.add("seed " + seed + ": " + a.op() + " of " + a.args());
                    break;
                }
            }
        }
        assertTrue(left.isEmpty(), left.size() + " networks keep a foldable constant:\n"
                + String.join("\n", left.subList(0, Math.min(10, left.size()))));
    }

    private static boolean unfolded(Apply a) {
        if (a.op() == Op.SUB && (negative(a.arg(1)) || a.arg(1) instanceof Apply s && s.op() == Op.SCALE && negative(s.arg(0)))) {
            return true;
        }
        if (a.op() == Op.SCALE && coefficient(a.arg(0)) && !ones(a.arg(1)) // (c/n) 1 is as folded as it gets
                && (coefficient(a.arg(1)) || a.arg(1) instanceof Apply s && s.op() == Op.SCALE && coefficient(s.arg(0)))) {
            return true;
        }
        if (!FOLDABLE.contains(a.op()) || (a.op() == Op.LOG && a.args().stream().anyMatch(x -> x instanceof Const c && c.value() <= 0))) {
            return false;
        }
        if (a.args().stream().allMatch(FoldedConstantsTest::constant)) {
            return true;
        }
        // (c/n) C inside a product or a sum that folds without n: 1ᵀ ((c/n) 1₃ₓₙ) is (3c/n) 1ₙᵀ
        boolean scaledConstants = a.args().stream().allMatch(x -> constant(x) || x instanceof Apply s && s.op() == Op.SCALE && constant(s.arg(1)));
        Shape in = a.arg(0).shape();
        int inner = a.op() == Op.MATMUL_TN ? in.rows() : in.cols();
        return scaledConstants && switch (a.op()) {
            case MATMUL, MATMUL_TN, MATMUL_NT -> inner != Shape.N;
            case SUM_COLS -> in.rows() != Shape.N;
            case SUM_ROWS -> in.cols() != Shape.N;
            case SUM -> in.rows() != Shape.N && in.cols() != Shape.N;
            default -> false;
        };
    }

    private static boolean constant(Node n) {
        return n instanceof Const || (n instanceof Apply a && a.op() == Op.COLS && a.arg(0).shape().cols() != Shape.N);
    }

    private static boolean ones(Node n) {
        return n instanceof Const k && k.value() == 1 && !k.shape().isScalar();
    }

    /** A constant, or c/n. */
    private static boolean coefficient(Node n) {
        return constant(n) || n instanceof Apply d && d.op() == Op.DIVIDE && d.arg(0) instanceof Const && d.shape().isScalar();
    }

    private static boolean negative(Node n) {
        Node c = n instanceof Apply d && d.op() == Op.DIVIDE ? d.arg(0) : n;
        return c instanceof Const k && k.value() < 0;
    }
}
