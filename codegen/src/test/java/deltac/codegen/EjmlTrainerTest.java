package deltac.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class EjmlTrainerTest {
    private static final int N = 32;

    private static Graph mnist() throws Exception {
        return Spec.parse(Path.of("../examples/mnist_mlp.java"));
    }

    private static void randomize(Trainer t, long seed) {
        Random rng = new Random(seed);
        for (Tensor p : t.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                double v = rng.nextGaussian() * 0.05;
                if (p.f64() != null) {
                    p.f64()[i] = v;
                } else {
                    p.f32()[i] = (float) v;
                }
            }
        }
    }

    private static DMatrixRMaj matrix(Tensor t) {
        return DMatrixRMaj.wrap(t.rows(), t.cols(), t.f64().clone());
    }

    @Test
    void gradientsEqualAHandWrittenEjmlBackpropOfTheTextbookFormulas() throws Exception {
        Trainer t = Compiler.trainer(mnist(), Precision.F64, Engine.EJML);
        randomize(t, 3);
        Dataset data = Bundled.mnist();
        double[] x = new double[784 * N];
        double[] y = new double[10 * N];
        data.copyBatch(IntStream.range(100, 100 + N).toArray(), 0, N, x, y);
        double loss = t.computeGradients(new double[][] {x, y}, N);

        HandWrittenMnistBackprop hand = new HandWrittenMnistBackprop(matrix(t.parameter("W1")), matrix(t.parameter("b1")),
                matrix(t.parameter("W2")), matrix(t.parameter("b2")), DMatrixRMaj.wrap(784, N, x), DMatrixRMaj.wrap(10, N, y));
        assertEquals(hand.loss, loss, 1e-12 * hand.loss);
        assertClose(hand.dW1, t.gradient("W1"));
        assertClose(hand.db1, t.gradient("b1"));
        assertClose(hand.dW2, t.gradient("W2"));
        assertClose(hand.db2, t.gradient("b2"));
    }

    private static void assertClose(DMatrixRMaj expected, Tensor actual) {
        double scale = 0;
        for (double v : expected.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, actual.name() + " is all zeros: the check would prove nothing");
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.f64()[i], 1e-10 * scale, actual.name() + "[" + i + "]");
        }
    }

    @Test
    void float32TrainerAgreesWithFloat64() throws Exception {
        Trainer t64 = Compiler.trainer(mnist(), Precision.F64, Engine.EJML);
        Trainer t32 = Compiler.trainer(mnist(), Precision.F32, Engine.EJML);
        randomize(t64, 5);
        randomize(t32, 5);
        Dataset data = Bundled.mnist();
        float[] x = new float[784 * N];
        float[] y = new float[10 * N];
        data.copyBatch(IntStream.range(0, N).toArray(), 0, N, x, y);
        double[] xd = new double[x.length];
        double[] yd = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        for (int i = 0; i < y.length; i++) {
            yd[i] = y[i];
        }
        // the parameters differ only by float rounding, so the losses agree to float precision
        assertEquals(t64.computeGradients(new double[][] {xd, yd}, N), t32.computeGradients(new float[][] {x, y}, N), 1e-5);
        float[] out = new float[10 * N];
        t32.predict(new float[][] {x}, N, out);
        for (int j = 0; j < N; j++) {
            double column = 0;
            for (int i = 0; i < 10; i++) {
                column += out[i * N + j];
            }
            assertEquals(1, column, 1e-5, "softmax output column " + j);
        }
    }

    @Test
    void aBatchTooSmallForItsSizeIsRefused() throws Exception {
        Trainer t = Compiler.trainer(mnist(), Precision.F64, Engine.EJML);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.computeGradients(new double[][] {new double[784], new double[20]}, 2));
        assertEquals("x holds 784 values; a batch of 2 needs 1568 (784×2)", e.getMessage());
        IllegalArgumentException byName = assertThrows(IllegalArgumentException.class,
                () -> t.computeGradients(deltac.runtime.Batch.of(2).put("x", new double[1568])));
        assertEquals("the batch has no y (10×n); MnistMlp takes x (784×n), y (10×n) and the batch holds [x]",
                byName.getMessage());
    }
}
