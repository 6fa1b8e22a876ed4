package deltac.graph.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Param;
import deltac.graph.spec.Spec;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every example runs forward through the interpreter on real data; zero weights give losses known in closed form. */
class ExamplesForwardTest {
    private static final int BATCH = 32;

    private static Graph example(String name) throws Exception {
        return Spec.parse(Path.of("../examples/" + name + ".java"));
    }

    /** Binds x and y from a data set's first samples (y = x for an autoencoder), and every parameter. */
    private static Map<String, DMatrixRMaj> bind(Graph graph, Dataset data, boolean random) {
        Map<String, DMatrixRMaj> bindings = new HashMap<>();
        int[] order = IntStream.range(0, BATCH).toArray();
        double[] x = new double[data.featureCount() * BATCH];
        double[] y = new double[data.outputWidth() * BATCH];
        data.copyBatch(order, 0, BATCH, x, y);
        for (Input input : graph.inputs()) {
            boolean targetIsInput = input.isTarget() && input.shape().rows() == data.featureCount()
                    && input.shape().rows() != data.outputWidth();
            double[] values = input.isTarget() && !targetIsInput ? y : x;
            bindings.put(input.name(), DMatrixRMaj.wrap(input.shape().rows(), BATCH, values.clone()));
        }
        Random rng = new Random(7);
        for (Param p : graph.params()) {
            DMatrixRMaj w = new DMatrixRMaj(p.shape().rows(), p.shape().cols());
            if (random) {
                for (int i = 0; i < w.data.length; i++) {
                    w.data[i] = rng.nextGaussian() * 0.1;
                }
            }
            bindings.put(p.name(), w);
        }
        return bindings;
    }

    private static double loss(Graph graph, Map<String, DMatrixRMaj> bindings) {
        return Interpreter.evaluate(graph, bindings).scalar(graph.loss());
    }

    @Test
    void zeroWeightsGiveTheUniformGuess() throws Exception {
        assertEquals(Math.log(10), loss(example("mnist_mlp"), bind(example("mnist_mlp"), Bundled.mnist(), false)), 1e-12);
        assertEquals(Math.log(10), loss(example("mnist_deep"), bind(example("mnist_deep"), Bundled.mnist(), false)), 1e-12);
        assertEquals(Math.log(3), loss(example("iris_mlp"), bind(example("iris_mlp"), Bundled.iris(), false)), 1e-12);
    }

    @Test
    void zeroWeightsGiveOneHalfEverywhere() throws Exception {
        Graph logistic = example("logistic_regression");
        assertEquals(Math.log(2), loss(logistic, bind(logistic, twoClassIris(), false)), 1e-12);

        Graph auto = example("autoencoder");
        Map<String, DMatrixRMaj> bindings = bind(auto, Bundled.mnist(), false);
        double expected = 0;
        for (double pixel : bindings.get("x").data) {
            expected += 0.5 * (0.5 - pixel) * (0.5 - pixel);
        }
        assertEquals(expected / BATCH, loss(auto, bindings), 1e-12);

        Graph xor = example("xor");
        Map<String, DMatrixRMaj> four = new HashMap<>();
        four.put("x", new DMatrixRMaj(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}}));
        four.put("y", new DMatrixRMaj(new double[][] {{0, 1, 1, 0}}));
        for (Param p : xor.params()) {
            four.put(p.name(), new DMatrixRMaj(p.shape().rows(), p.shape().cols()));
        }
        assertEquals(0.125, loss(xor, four), 1e-12);
    }

    @Test
    void randomWeightsGiveFiniteLossesAndProbabilities() throws Exception {
        for (String name : new String[] {"mnist_mlp", "mnist_deep", "autoencoder"}) {
            Graph g = example(name);
            Values v = Interpreter.evaluate(g, bind(g, Bundled.mnist(), true));
            double loss = v.scalar(g.loss());
            assertTrue(Double.isFinite(loss) && loss > 0, name + ": " + loss);
        }
        Graph mlp = example("mnist_mlp");
        Values v = Interpreter.evaluate(mlp, bind(mlp, Bundled.mnist(), true));
        DMatrixRMaj p = v.get(mlp.locals().get("a2"));
        for (int j = 0; j < BATCH; j++) {
            double column = 0;
            for (int i = 0; i < 10; i++) {
                column += p.get(i, j);
            }
            assertEquals(1, column, 1e-12, "softmax column " + j);
        }
        Graph deep = example("mnist_deep");
        Map<String, DMatrixRMaj> bindings = bind(deep, Bundled.mnist(), true);
        double l2 = 0;
        for (String w : new String[] {"W1", "W2", "W3"}) {
            for (double value : bindings.get(w).data) {
                l2 += value * value;
            }
        }
        Values dv = Interpreter.evaluate(deep, bindings);
        double crossEntropy = dv.scalar(deep.loss()) - 1e-4 * l2;
        assertTrue(crossEntropy > 0 && crossEntropy < 20, "the regularizer is added once: " + crossEntropy);
    }

    /** Iris with the label "is it setosa?" as a 0/1 target row. */
    private static Dataset twoClassIris() {
        Dataset iris = Bundled.iris();
        float[] targets = new float[iris.size()];
        for (int i = 0; i < iris.size(); i++) {
            targets[i] = iris.labels()[i] == 0 ? 1 : 0;
        }
        return Dataset.regression("setosa?", iris.featureCount(), iris.features(), targets, 1);
    }
}
