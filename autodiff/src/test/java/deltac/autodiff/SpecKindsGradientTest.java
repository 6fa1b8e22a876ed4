package deltac.autodiff;

import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Derived gradients equal central finite differences in float64 on every kind of spec a trainer takes: two
 * inputs, no target (a plain and a tied-weight autoencoder, small enough to difference every entry), a
 * real-valued target, a scalar logistic output, a softmax classifier; and the odd ops, whose δ has constants
 * folded over n.
 */
class SpecKindsGradientTest {
    private static final String TIED = """
            class TiedSmall {
                Matrix x  = input(6);
                Matrix W  = param(3, 6);
                Matrix b1 = param(3);
                Matrix b2 = param(6);
                Matrix loss() {
                    Matrix h = tanh(W * x + b1);
                    return mse(W.T * h + b2, x);
                }
            }
            """;
    private static final String PLAIN_AUTOENCODER = """
            class AutoencoderSmall {
                Matrix x  = input(5);
                Matrix W1 = param(2, 5);
                Matrix b1 = param(2);
                Matrix W2 = param(5, 2);
                Matrix b2 = param(5);
                Matrix loss() {
                    Matrix r = sigmoid(W2 * sigmoid(W1 * x + b1) + b2);
                    return mse(r, x);
                }
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"two_inputs", "regression", "logistic_regression", "iris_mlp", "xor", "tied", "autoencoder", "odd_ops"})
    void derivedGradientsEqualFiniteDifferences(String kind) throws Exception {
        Graph graph = switch (kind) {
            case "tied" -> Spec.read(TIED, "tied.java").orThrow();
            case "autoencoder" -> Spec.read(PLAIN_AUTOENCODER, "autoencoder.java").orThrow();
            case "odd_ops" -> Spec.read(Files.readString(Path.of("src/test/resources/specs/odd_ops.java")), "odd_ops.java").orThrow();
            default -> Spec.read(Files.readString(Path.of("../examples", kind + ".java")), kind + ".java").orThrow();
        };
        Derivation d = Autodiff.derive(graph);
        Random rng = new Random(kind.hashCode());
        Map<String, DMatrixRMaj> bindings = new HashMap<>();
        FiniteDifferences.bindParams(graph, bindings, () -> rng.nextGaussian() * 0.5);
        int n = 3;
        for (Input input : graph.inputs()) {
            DMatrixRMaj m = new DMatrixRMaj(input.shape().rows(), n);
            for (int j = 0; j < n; j++) {
                int hot = rng.nextInt(m.numRows); // a target is one-hot, as crossEntropy(softmax(z), y)'s δ = a − y assumes
                for (int i = 0; i < m.numRows; i++) {
                    m.set(i, j, input.isTarget() ? (i == hot ? 1 : 0) : rng.nextDouble());
                }
            }
            bindings.put(input.name(), m);
        }
        FiniteDifferences.check(d, bindings, kind);
    }
}
