package deltac.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Feed;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation's one forward pass gives what the loss and the prediction give apart, on every kind of output (a
 * softmax under cross-entropy, where the pass shares one log-sum-exp per sample, a sigmoid, real values, an
 * autoencoder's reconstruction), in both precisions, at a batch of one and of several.
 */
class LossAndPredictionTest {

    @ParameterizedTest
    @ValueSource(strings = {"mnist_mlp", "xor", "regression", "autoencoder", "two_inputs", "logistic_regression", "tied_autoencoder"})
    void oneForwardPassGivesTheLossAndThePrediction(String example) throws Exception {
        Graph graph = Spec.parse(Path.of("../examples/" + example + ".java"));
        for (Precision precision : Precision.values()) {
            Trainer t = Compiler.trainer(graph, precision, Engine.BYTECODE);
            for (int n : new int[] {1, 7}) {
                double[][] feeds = random(t.feeds(), t.inputs().size(), n);
                double[][] inputs = Arrays.copyOf(feeds, t.inputs().size());
                double loss = t.loss(feeds, n);
                double[] prediction = new double[t.outputRows() * n];
                t.predict(inputs, n, prediction);
                t.computeGradients(random(t.feeds(), t.inputs().size(), n + 100), n); // other values in every buffer
                double[] out = new double[prediction.length];
                double both = t.lossAndPrediction(feeds, n, out);
                double tolerance = precision == Precision.F32 ? 1e-6 : 1e-13;
                String what = example + ", " + precision + ", n = " + n;
                assertEquals(loss, both, tolerance * Math.max(1, Math.abs(loss)), what + ": the loss");
                for (int i = 0; i < out.length; i++) {
                    assertEquals(prediction[i], out[i], tolerance * Math.max(1, Math.abs(prediction[i])), what + ", entry " + i);
                }
                float[] out32 = new float[prediction.length];
                double both32 = t.lossAndPrediction(toFloat(feeds), n, out32);
                assertEquals(loss, both32, 1e-5 * Math.max(1, Math.abs(loss)), what + ": the loss from float arrays");
            }
        }
    }

    /** Random feeds for n samples; {@code n + 100} draws other values for the same n. */
    private static double[][] random(List<Feed> feeds, int inputCount, int seedAndSize) {
        int n = seedAndSize % 100;
        SplittableRandom rng = new SplittableRandom(feeds.size() * 31L + seedAndSize);
        double[][] values = new double[feeds.size()][];
        for (int k = 0; k < feeds.size(); k++) {
            int rows = feeds.get(k).rows();
            values[k] = new double[rows * n];
            for (int j = 0; j < n; j++) {
                if (k < inputCount) {
                    for (int r = 0; r < rows; r++) {
                        values[k][r * n + j] = rng.nextDouble(-1, 1);
                    }
                } else {
                    values[k][(rows == 1 ? 0 : rng.nextInt(rows)) * n + j] = rows == 1 ? rng.nextInt(2) : 1; // one-hot or 0/1
                }
            }
        }
        return values;
    }

    private static float[][] toFloat(double[][] values) {
        float[][] f = new float[values.length][];
        for (int k = 0; k < values.length; k++) {
            f[k] = new float[values[k].length];
            for (int i = 0; i < f[k].length; i++) {
                f[k][i] = (float) values[k][i];
            }
        }
        return f;
    }
}
