package deltac.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The losses of raw probabilities, differentiated in both arguments (a prediction P and a target Q that are both
 * parameters here): at P = 0 and 1 each gradient is finite and what PyTorch's BCELoss gives, the prediction's
 * (P − Q)/max(P(1 − P), 10⁻¹²)/n (cross-entropy −Q/max(P, 10⁻¹²)/n), the target's the clamped logs the loss
 * itself reads; close to 0 and 1, but not at them, the gradient equals central finite differences.
 */
class RawProbabilityGradientTest {
    private static final int ROWS = 2;
    private static final int COLS = 3;

    private static Graph graph(Op loss) throws ShapeException {
        GraphBuilder b = new GraphBuilder("Raw", "test");
        Node p = b.param("P", Shape.of(ROWS, COLS), Init.zeros());
        Node q = b.param("Q", Shape.of(ROWS, COLS), Init.zeros());
        return b.build(b.apply(loss, p, q));
    }

    private static Map<String, DMatrixRMaj> bind(double[] p, double[] q) {
        Map<String, DMatrixRMaj> bindings = new HashMap<>();
        bindings.put("P", new DMatrixRMaj(ROWS, COLS, true, p));
        bindings.put("Q", new DMatrixRMaj(ROWS, COLS, true, q));
        return bindings;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CROSS_ENTROPY", "BINARY_CROSS_ENTROPY"})
    void atExactlyZeroAndOneEachGradientIsFiniteAndPyTorchs(String name) throws ShapeException {
        Op loss = Op.valueOf(name);
        Derivation d = Autodiff.derive(graph(loss));
        double[] p = {0, 1, 0, 1, 0.5, 0.25};
        double[] q = {1, 0, 0, 1, 0.3, 1};
        Values values = Interpreter.evaluate(d.roots(), bind(p, q));
        for (Derivation.Gradient gradient : d.gradients()) {
            double[] got = values.get(gradient.value()).data;
            for (int k = 0; k < p.length; k++) {
                double want = gradient.param().name().equals("P") ? prediction(loss, p[k], q[k]) : target(loss, p[k]);
                assertEquals(want, got[k], 1e-12 * Math.max(1, Math.abs(want)),
                        name + ": ∂C/∂" + gradient.param().name() + "[" + k + "] at p = " + p[k] + ", q = " + q[k]);
            }
        }
        assertEquals(-1e12 / COLS, prediction(loss, 0, 1), 1, "the expectation has the clamped case");
    }

    /** PyTorch's BCELoss backward, and its analogue for cross-entropy. */
    private static double prediction(Op loss, double p, double q) {
        double divisor = loss == Op.CROSS_ENTROPY ? Math.max(p, 1e-12) : Math.max(p * (1 - p), 1e-12);
        return (loss == Op.CROSS_ENTROPY ? -q : p - q) / divisor / COLS;
    }

    /** −(1/n) times the loss's clamped log of p (and, for binary cross-entropy, minus that of 1 − p). */
    private static double target(Op loss, double p) {
        double log = Math.max(Math.log(p), -100);
        return (loss == Op.CROSS_ENTROPY ? -log : -(log - Math.max(Math.log(1 - p), -100))) / COLS;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CROSS_ENTROPY", "BINARY_CROSS_ENTROPY"})
    void closeToZeroAndOneTheGradientEqualsFiniteDifferences(String name) throws ShapeException {
        Derivation d = Autodiff.derive(graph(Op.valueOf(name)));
        double[] p = {0.01, 0.99, 0.02, 0.97, 0.5, 0.05};
        double[] q = {1, 0, 0.5, 1, 0.3, 0.9};
        FiniteDifferences.check(d, bind(p, q), name + " near 0 and 1");
    }
}
