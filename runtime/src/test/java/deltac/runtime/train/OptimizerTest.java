package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Three steps on p = (1, −2) with the gradients below, against values worked out by hand (SGD, momentum) or with
 * PyTorch's update written out step by step (Adam: {@code _single_tensor_adam} in double, see {@link #adamByHand}).
 */
class OptimizerTest {

    private static final double[][] GRADIENTS = {{0.5, -1}, {0.25, 0.5}, {-0.5, 1}};

    /** The parameter after each of the three steps, in the given precision. */
    private static double[][] run(Supplier<Optimizer> make, Precision precision) {
        Optimizer opt = make.get();
        Tensor p = precision == Precision.F32
                ? Tensor.of("p", 2, 1, new float[] {1, -2}) : Tensor.of("p", 2, 1, new double[] {1, -2});
        Tensor g = precision == Precision.F32
                ? Tensor.of("p", 2, 1, new float[2]) : Tensor.of("p", 2, 1, new double[2]);
        double[][] after = new double[3][];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 2; i++) {
                if (g.f32() != null) {
                    g.f32()[i] = (float) GRADIENTS[s][i];
                } else {
                    g.f64()[i] = GRADIENTS[s][i];
                }
            }
            opt.update(List.of(p), List.of(g));
            after[s] = p.asF64().clone();
        }
        assertEquals(3, opt.steps());
        return after;
    }

    private static void check(double[][] expected, Supplier<Optimizer> make, Precision precision) {
        double tolerance = precision == Precision.F32 ? 1e-6 : 1e-12;
        double[][] actual = run(make, precision);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(expected[s], actual[s], tolerance, "after step " + (s + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void sgd(Precision precision) {
        // p ← p − 0.1 g
        check(new double[][] {{0.95, -1.9}, {0.925, -1.95}, {0.975, -2.05}}, () -> new Sgd(0.1), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void sgdWithWeightDecay(Precision precision) {
        // p ← p − 0.1 (g + 0.01 p): step 1 gives 1 − 0.1·(0.5 + 0.01) = 0.949 and −2 − 0.1·(−1 − 0.02) = −1.898
        check(new double[][] {{0.949, -1.898}, {0.923051, -1.946102}, {0.972127949, -2.044155898}},
                () -> new Sgd(0.1, 0.01, Schedule.constant()), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void momentum(Precision precision) {
        // b ← 0.9 b + g: (0.5, −1), (0.7, −0.4), (0.13, 0.64); p ← p − 0.1 b
        check(new double[][] {{0.95, -1.9}, {0.88, -1.86}, {0.867, -1.924}},
                () -> new Momentum(0.1, 0.9, false), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void nesterov(Precision precision) {
        // p ← p − 0.1 (g + 0.9 b) with b as above: steps of (0.95, −1.9), (0.88, 0.14), (−0.383, 1.576)
        check(new double[][] {{0.905, -1.81}, {0.817, -1.824}, {0.8553, -1.9816}},
                () -> new Momentum(0.1, 0.9, true), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void nesterovWithWeightDecay(Precision precision) {
        check(new double[][] {{0.9031, -1.8062}, {0.81257411, -1.81514822}, {0.847869708191, -1.966378416382}},
                () -> new Momentum(0.1, 0.9, true, 0.01, Schedule.constant()), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void adam(Precision precision) {
        // Step 1 moves each entry by lr·sign(g): m̂ = g and v̂ = g², so m̂ / √v̂ = ±1.
        double[][] expected = {{0.900000002, -1.900000001}, {0.8067820404774624, -1.873366297370903},
                {0.7957037336010943, -1.9006359761506924}};
        check(expected, () -> new Adam(0.1), precision);
        check(adamByHand(0.1, 0.9, 0.999, 1e-8, 0, false), () -> new Adam(0.1), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void adamWithL2(Precision precision) {
        double[][] expected = {{0.9000000016666666, -1.9000000008333333}, {0.8050097658613199, -1.8537472646427609},
                {0.775511505150508, -1.858989405431774}};
        Supplier<Optimizer> make = () -> new Adam(0.1, 0.9, 0.999, 1e-8, 0.1, false, Schedule.constant());
        check(expected, make, precision);
        check(adamByHand(0.1, 0.9, 0.999, 1e-8, 0.1, false), make, precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void adamW(Precision precision) {
        double[][] expected = {{0.890000002, -1.880000001}, {0.7878820404574622, -1.8345662973609032},
                {0.7689249131765195, -1.8434903131670834}};
        check(expected, () -> Adam.adamW(0.1, 0.1), precision);
        check(adamByHand(0.1, 0.9, 0.999, 1e-8, 0.1, true), () -> Adam.adamW(0.1, 0.1), precision);
    }

    /** The textbook form, m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ), in double. */
    private static double[][] adamByHand(double lr, double b1, double b2, double eps, double wd, boolean decoupled) {
        double[] p = {1, -2};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] after = new double[3][];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = GRADIENTS[t - 1][i] + (decoupled ? 0 : wd * p[i]);
                if (decoupled) {
                    p[i] -= lr * wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            after[t - 1] = p.clone();
        }
        return after;
    }

    @Test
    void scheduleSetsEachStepsRate() {
        // Halve every step: moves of 0.1, 0.05, 0.025 times g.
        Supplier<Optimizer> make = () -> new Sgd(0.1, 0, Schedule.step(1, 0.5));
        check(new double[][] {{0.95, -1.9}, {0.9375, -1.925}, {0.95, -1.95}}, make, Precision.F64);
        Optimizer opt = make.get();
        assertEquals(0.1, opt.learningRate());
        run(() -> opt, Precision.F64);
        assertEquals(0.0125, opt.learningRate(), 1e-15);
    }

    @Test
    void parametersAndGradientsMustPairUp() {
        Tensor p = Tensor.of("p", 2, 1, new double[2]);
        Optimizer sgd = new Sgd(0.1);
        assertThrows(IllegalArgumentException.class, () -> sgd.update(List.of(p), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> sgd.update(List.of(p), List.of(Tensor.of("p", 2, 1, new float[2]))));
        Optimizer adam = new Adam(0.1);
        adam.update(List.of(p), List.of(Tensor.of("p", 2, 1, new double[2])));
        Tensor bigger = Tensor.of("p", 3, 1, new double[3]);
        assertThrows(IllegalStateException.class, () -> adam.update(List.of(bigger), List.of(bigger)));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-1));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1, 0.999, 1e-8));
    }
}
