package deltac.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.Graph;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Softmax, log-softmax, cross-entropy of a softmax and binary cross-entropy of a sigmoid on logits of ±1e4: the loss
 * and every derived gradient are finite (the interpreter, which the EJML engine runs, goes through log-softmax and
 * softplus where a naive exp would overflow).
 */
class NumericsTest {
    /** Logits W x with W the identity: one column per case, entries ±1e4 and 0, targets on the largest and smallest. */
    static final double[][] X = {
        {1e4, -1e4, 0, 1e4, -1e4},
        {-1e4, 1e4, 0, 1e4, -1e4},
        {0, 0, 0, -1e4, 1e4},
    };
    static final double[][] Y = {
        {0, 1, 1, 0, 1},
        {1, 0, 0, 0, 0},
        {0, 0, 0, 1, 0},
    };

    static String spec(String loss) {
        return """
                class Extreme {
                    Matrix x = input(3);
                    Matrix y = target(3);
                    Matrix W = param(3, 3);
                    Matrix b = param(3);
                    Matrix loss() {
                        Matrix z = W * x + b;
                        return %s;
                    }
                }
                """.formatted(loss);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "crossEntropy(softmax(z), y)",
        "binaryCrossEntropy(sigmoid(z), y)",
        "mse(softmax(z), y)",
        "-mean(hadamard(logSoftmax(z), y))",
        "-sum(hadamard(log(softmax(z)), y)) / n",
        "sum(logSoftmax(z))",
        "mse(sigmoid(z), y) + sum(softmax(z))",
        "crossEntropy(softmax(1e4 * z), y)",
    })
    void finiteLossAndGradientsAtPlusMinusTenThousand(String loss) {
        Graph graph = graph(loss);
        Derivation derivation = Autodiff.derive(graph);
        for (double sign : new double[] {1, -1}) {
            Map<String, DMatrixRMaj> bindings = Map.of(
                    "x", scaled(X, sign), "y", new DMatrixRMaj(Y),
                    "W", identity(), "b", new DMatrixRMaj(3, 1));
            Values values = Interpreter.evaluate(derivation.roots(), bindings);
            double value = values.scalar(graph.loss());
            assertTrue(Double.isFinite(value), loss + " = " + value);
            for (Derivation.Gradient g : derivation.gradients()) {
                DMatrixRMaj grad = values.get(g.value());
                assertTrue(Arrays.stream(grad.data, 0, grad.getNumElements()).allMatch(Double::isFinite),
                        "∂(" + loss + ")/∂" + g.param().name() + " = " + grad);
            }
        }
    }

    /** The stable forms give the exact value, not merely a finite one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crossEntropy(softmax(z), y)", "binaryCrossEntropy(sigmoid(z), y)"})
    void theValuesAreRight(String loss) {
        Graph graph = graph(loss);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1e4}, {-1e4}, {0}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0}, {1}, {0}});
        Values values = Interpreter.evaluate(List.of(graph.loss()), Map.of("x", x, "y", y, "W", identity(), "b", new DMatrixRMaj(3, 1)));
        double expected = loss.startsWith("crossEntropy")
                ? 2e4                                     // −log softmax(z)₂ = 1e4 − (−1e4), to double precision
                : 1e4 + 1e4 + Math.log(2);                // y₂ = 1 on −1e4 costs 1e4; y₁ = 0 on +1e4 costs 1e4; log 2 at 0
        assertEquals(expected, values.scalar(graph.loss()), 1e-9 * expected);
    }

    private static DMatrixRMaj scaled(double[][] m, double s) {
        DMatrixRMaj out = new DMatrixRMaj(m);
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] *= s;
        }
        return out;
    }

    private static DMatrixRMaj identity() {
        return new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    private static Graph graph(String loss) {
        SpecResult read = Spec.read(spec(loss), "extreme.java");
        return read.graph().orElseThrow(() -> new AssertionError(read.diagnostics()));
    }
}
