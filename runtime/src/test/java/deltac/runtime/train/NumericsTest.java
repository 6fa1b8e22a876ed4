package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loop's guard: NaN and ∞ in the loss or a gradient stop training with a message a user can act on. */
class NumericsTest {

    /** C = ½ ‖w‖², whatever the data: ∂C/∂w = w, so SGD multiplies w by (1 − η) each step and diverges for η > 2. */
    static final class Quadratic extends XyTrainer {
        final Tensor w;
        final Tensor dw;

        Quadratic(Precision precision) {
            super(1, 1, 1);
            w = precision == Precision.F32 ? Tensor.of("w", 2, 1, new float[] {1, 2}) : Tensor.of("w", 2, 1, new double[] {1, 2});
            dw = precision == Precision.F32 ? Tensor.of("w", 2, 1, new float[2]) : Tensor.of("w", 2, 1, new double[2]);
        }

        @Override public String name() { return "Quadratic"; }
        @Override public Precision precision() { return w.f32() != null ? Precision.F32 : Precision.F64; }
                                @Override public List<Tensor> parameters() { return List.of(w); }
        @Override public List<Tensor> gradients() { return List.of(dw); }

        private double lossAndGradient() {
            double loss = 0;
            for (int i = 0; i < 2; i++) {
                if (w.f32() != null) {
                    float v = w.f32()[i];
                    dw.f32()[i] = v;
                    loss += 0.5f * v * v; // in float, as an F32 trainer would: it overflows at 3.4e38
                } else {
                    double v = w.f64()[i];
                    dw.f64()[i] = v;
                    loss += 0.5 * v * v;
                }
            }
            return w.f32() != null ? (float) loss : loss;
        }

        double computeGradients(float[] x, float[] y, int n) { return lossAndGradient(); }
        double computeGradients(double[] x, double[] y, int n) { return lossAndGradient(); }
        double loss(float[] x, float[] y, int n) { return lossAndGradient(); }
        double loss(double[] x, double[] y, int n) { return lossAndGradient(); }
        void predict(float[] x, int n, float[] out) {}
        void predict(double[] x, int n, double[] out) {}
    }

    private static final Dataset EIGHT = Dataset.regression("eight", 1, new float[8], new float[8], 1);

    /** The step (from 1) whose loss first overflows, simulated: w₁ = (−49)ᵗ⁻¹ · (1, 2). */
    private static long firstInfiniteStep(Precision precision) {
        double limit = precision == Precision.F32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double w1 = 1;
        double w2 = 2;
        for (long step = 1; ; step++) {
            double loss = 0.5 * w1 * w1 + 0.5 * w2 * w2;
            if (!(loss <= limit)) {
                return step;
            }
            w1 *= -49;
            w2 *= -49;
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aHugeLearningRateIsNamedAsTheCause(Precision precision) {
        NumericsException e = assertThrows(NumericsException.class, () -> Fit.run(new Quadratic(precision), EIGHT,
                null, new Sgd(50), FitOptions.defaults().epochs(1_000).batchSize(2)));
        long step = firstInfiniteStep(precision);
        long epoch = (step + 3) / 4; // 4 batches of 2 per epoch
        assertEquals(step, e.step());
        assertEquals(epoch, e.epoch());
        assertNull(e.parameter(), "w itself is still finite: only its square overflowed");
        String peak = Numbers.compact(2.5 * Math.pow(49 * 49, step - 2)); // the loss of the step before
        assertEquals("the loss diverged at step " + step + " (epoch " + epoch + "): 2.5 → " + peak
                + " → Infinity; the learning rate 50 is probably too high, try 5", e.getMessage());
    }

    @Test
    void theMessageReadsAsTheExampleSays() {
        NumericsGuard guard = new NumericsGuard();
        Quadratic t = new Quadratic(Precision.F64);
        guard.check(2.302585, t, 1, 1, 50);
        guard.check(4.1e8, t, 36, 1, 50);
        t.dw.f64()[0] = Double.NaN;
        NumericsException e = assertThrows(NumericsException.class, () -> guard.check(Double.NaN, t, 37, 1, 50));
        assertEquals("the loss diverged at step 37 (epoch 1): 2.3 → 4.1e+08 → NaN, and the gradient of w went NaN;"
                + " the learning rate 50 is probably too high, try 5", e.getMessage());
    }

    @Test
    void aNaNGradientWithAFiniteLossNamesTheParameter() {
        Scripted t = new Scripted();
        t.bGradient = s -> s == 3 ? Double.NaN : 1;
        NumericsException e = assertThrows(NumericsException.class, () -> Fit.run(t, EIGHT, null, new Sgd(0.1),
                FitOptions.defaults().epochs(5).batchSize(4)));
        assertEquals("b", e.parameter());
        assertEquals(3, e.step());
        assertEquals(2, e.epoch());
        assertEquals("the gradient of b went NaN at step 3 (epoch 2) while the loss was 1; look for a log or division"
                + " of 0 in the spec and for NaN in the data, or lower the learning rate 0.1", e.getMessage());
    }

    @Test
    void aNaNLossOnTheFirstStepIsNotBlamedOnTheLearningRate() {
        Scripted t = new Scripted();
        t.trainLoss = s -> Double.NaN;
        NumericsException e = assertThrows(NumericsException.class, () -> Fit.run(t, EIGHT, null, new Sgd(0.1),
                FitOptions.defaults().batchSize(4)));
        assertNull(e.parameter());
        assertTrue(e.getMessage().startsWith("the loss became NaN at step 1 (epoch 1); look for a log"), e.getMessage());
    }

    @Test
    void theCheckCanBeTurnedOff() {
        Scripted t = new Scripted();
        t.trainLoss = s -> Double.NaN;
        History h = Fit.run(t, EIGHT, null, new Sgd(0.1), FitOptions.defaults().epochs(2).checkNumerics(false));
        assertEquals(2, h.epochs().size());
        assertTrue(Double.isNaN(h.last().trainLoss()));
        assertEquals(0, h.bestEpoch());
    }

    @Test
    void numbersAreShort() {
        assertEquals("2.3", Numbers.compact(2.302585));
        assertEquals("50", Numbers.compact(50));
        assertEquals("0.001", Numbers.compact(0.001));
        assertEquals("4.1e+08", Numbers.compact(4.1e8));
        assertEquals("1e-05", Numbers.compact(1e-5));
        assertEquals("0", Numbers.compact(0));
        assertEquals("NaN", Numbers.compact(Double.NaN));
    }
}
