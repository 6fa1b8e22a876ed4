package deltac.autodiff.simplify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.graph.Expr;
import deltac.graph.Graph;
import deltac.graph.Network;
import org.junit.jupiter.api.Test;

/**
 * The regression test of REWRITER_QUADRATIC: simplifying a chain of k rewrites walked the whole graph below each
 * result, so 20,000 nested unary minuses took 29 s (5,000 took 2.7 s). Time grows about linearly now: four times
 * the minuses must take well under the sixteen times a quadratic rewriter would, and 20,000 derive in seconds.
 */
class RewriterGrowthTest {

    @Test
    void twentyThousandNestedMinusesDeriveInLinearTime() {
        Autodiff.derive(minuses(2_000)); // warm up the JIT, so the two timings compare the same code
        long small = fastest(minuses(5_000));
        long large = fastest(minuses(20_000));
        String times = String.format("5,000 minuses %.0f ms, 20,000 %.0f ms", small / 1e6, large / 1e6);
        System.out.println(times);
        assertTrue(large < 8 * small, "growth of more than 8× for 4× the minuses: " + times);
        assertTrue(large < 5_000_000_000L, "20,000 minuses took 5 s or more: " + times);
    }

    /** mse(x + −(−(… b)), y): the gradient of b runs back through every minus. */
    private static Graph minuses(int count) {
        Network net = new Network("Minuses");
        Expr x = net.input("x", 3);
        Expr y = net.target("y", 3);
        Expr b = net.param("b", 3);
        for (int i = 0; i < count; i++) {
            b = b.neg();
        }
        return net.loss(x.plus(b).mse(y));
    }

    /** The least of three timings of the derivation, in nanoseconds: the noise of a busy machine only adds. */
    private static long fastest(Graph graph) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Autodiff.derive(graph);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
