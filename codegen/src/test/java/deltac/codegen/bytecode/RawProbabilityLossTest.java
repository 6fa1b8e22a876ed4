package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.ejml.EjmlTrainer;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-entropy and binary cross-entropy of raw probabilities (not of a softmax or a sigmoid, which read the logits)
 * in generated code, both precisions, with and without every op forced through the EJML fallback, against the
 * float64 interpreter: inside (0, 1) the loss and every gradient; at probabilities of exactly 0 and 1, the loss with
 * each log term clamped at −100 and the gradient PyTorch's BCELoss gives, (q − y)/max(q(1 − q), 10⁻¹²) per sample
 * (cross-entropy: −y/max(q, 10⁻¹²)), finite.
 */
class RawProbabilityLossTest {

    static String spec(String loss) {
        return """
                class Raw {
                    Matrix p = input(3);
                    Matrix y = target(3);
                    Matrix W = param(3, 3);
                    Matrix loss() {
                        Matrix q = W * p;
                        return %s(q, y);
                    }
                }
                """.formatted(loss);
    }

    static Stream<Arguments> cases() {
        return Stream.of("crossEntropy", "binaryCrossEntropy").flatMap(l -> Stream.of(
                Arguments.of(l, Precision.F64), Arguments.of(l, Precision.F32)));
    }

    /** q = W p with W = I: column 0 has q = (0, 1, 0.5) against y = (1, 0, 0), column 1 q = (1, 0, 0.25), y the same. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void probabilitiesOfExactlyZeroAndOneCostOneHundredPerLogTerm(String loss, Precision precision) throws Exception {
        Derivation d = Autodiff.derive(Spec.read(spec(loss), "raw.java").orThrow());
        double[][] feeds = {{0, 1, 1, 0, 0.5, 0.25}, {1, 1, 0, 0, 0, 0}};
        double expected = loss.equals("crossEntropy")
                ? 100 / 2.0                                                      // −log 0 → 100, −log 1 = 0
                : (100 + 100 - Math.log(0.5) - Math.log(0.75)) / 2;             // y = 1 at p = 0, y = 0 at p = 1
        for (Trainer t : engines(d, precision)) {
            load(t, identity());
            assertEquals(expected, t.loss(feeds, 2), 1e-6 * expected, loss + " " + t.getClass().getSimpleName());
            assertEquals(expected, t.computeGradients(feeds, 2), 1e-6 * expected, loss + " with its gradients");
        }
    }

    /**
     * The same columns: ∂C/∂W = δ pᵀ with δ per sample (q − y)/max(q(1 − q), 10⁻¹²)/n (binary cross-entropy) or
     * −y/max(q, 10⁻¹²)/n (cross-entropy), so ±10¹²/2 where q is 0 or 1 against the other label, 0 where it is right.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void atExactlyZeroAndOneTheGradientIsPyTorchsAndFinite(String loss, Precision precision) throws Exception {
        Derivation d = Autodiff.derive(Spec.read(spec(loss), "raw.java").orThrow());
        double[][] feeds = {{0, 1, 1, 0, 0.5, 0.25}, {1, 1, 0, 0, 0, 0}};
        int n = 2;
        double[] delta = new double[6];
        for (int k = 0; k < 6; k++) {
            double q = feeds[0][k];
            double y = feeds[1][k];
            delta[k] = (loss.equals("crossEntropy") ? -y / Math.max(q, 1e-12)
                    : (q - y) / Math.max(q * (1 - q), 1e-12)) / n;
        }
        double[] want = new double[9]; // δ pᵀ, p = q here (W = I)
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < n; j++) {
                    want[i * 3 + k] += delta[i * n + j] * feeds[0][k * n + j];
                }
            }
        }
        assertEquals(-0.5e12, want[1], 1e3, "the case at q = 0 for y = 1 is in the expectation");
        for (Trainer t : engines(d, precision)) {
            load(t, identity());
            t.computeGradients(feeds, n);
            double[] got = t.gradients().get(0).asF64();
            for (int k = 0; k < want.length; k++) {
                assertTrue(Double.isFinite(got[k]), loss + " " + t + ": ∂C/∂W[" + k + "] = " + got[k]);
                assertEquals(want[k], got[k], 1e-6 * Math.abs(want[k]) + 1e-12,
                        loss + " " + t.getClass().getSimpleName() + ": ∂C/∂W[" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void insideZeroAndOneTheGeneratedCodeEqualsTheInterpreter(String loss, Precision precision) throws Exception {
        Derivation d = Autodiff.derive(Spec.read(spec(loss), "raw.java").orThrow());
        Trainer reference = new EjmlTrainer(d, Precision.F64);
        Trainer generated = BytecodeCompiler.trainer(d, precision, false);
        Random rng = new Random(loss.hashCode());
        double[] w = identity();
        for (int k = 0; k < w.length; k++) {
            w[k] = 0.5 * w[k] + 0.1 * rng.nextDouble(); // q = W p stays in (0.025, 0.8)
        }
        load(reference, w);
        load(generated, w);
        int n = 7;
        double[][] feeds = {new double[3 * n], new double[3 * n]};
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < 3; i++) {
                feeds[0][i * n + j] = (float) (0.05 + 0.9 * rng.nextDouble());
            }
            feeds[1][rng.nextInt(3) * n + j] = 1;
        }
        double tolerance = precision == Precision.F64 ? 1e-10 : 1e-5;
        double want = reference.computeGradients(feeds, n);
        assertEquals(want, generated.computeGradients(feeds, n), tolerance * Math.abs(want), "loss");
        double[] wantW = reference.gradients().get(0).asF64();
        double[] gotW = generated.gradients().get(0).asF64();
        double scale = 0;
        for (double v : wantW) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < wantW.length; k++) {
            assertTrue(Math.abs(wantW[k] - gotW[k]) <= tolerance * scale, "∂C/∂W[" + k + "]: interpreter " + wantW[k]
                    + ", generated " + gotW[k]);
        }
    }

    /** The float64 interpreter, and the generated trainer in {@code precision} without and with the fallback forced. */
    private static Trainer[] engines(Derivation d, Precision precision) {
        return new Trainer[] {new EjmlTrainer(d, Precision.F64), new EjmlTrainer(d, precision),
            BytecodeCompiler.trainer(d, precision, false), BytecodeCompiler.trainer(d, precision, true)};
    }

    private static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    private static void load(Trainer trainer, double[] w) {
        Tensor p = trainer.parameters().get(0);
        for (int k = 0; k < w.length; k++) {
            if (p.f64() != null) {
                p.f64()[k] = w[k];
            } else {
                p.f32()[k] = (float) w[k];
            }
        }
    }
}
