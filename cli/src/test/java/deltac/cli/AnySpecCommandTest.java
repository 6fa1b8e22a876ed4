package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.train.Checkpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command on specs beyond one input and one target: no target, two inputs, a real-valued target. */
class AnySpecCommandTest {
    @TempDir
    Path dir;

    /** grad writes the loss and every ∂C/∂P, equal to the interpreter's on the same weights and batch. */
    @ParameterizedTest
    @ValueSource(strings = {"tied_autoencoder", "two_inputs", "autoencoder", "regression", "logistic_regression"})
    void gradWritesTheInterpretersGradients(String example) throws Exception {
        Path spec = Path.of("../examples", example + ".java");
        Graph graph = Spec.parse(spec);
        Trainer oracle = Compiler.trainer(graph, Precision.F64, Engine.EJML);
        SplittableRandom rng = new SplittableRandom(example.hashCode());
        for (Tensor p : oracle.parameters()) {
            for (int k = 0; k < p.size(); k++) {
                p.f64()[k] = rng.nextGaussian() * 0.3;
            }
        }
        Path weights = dir.resolve("w.safetensors");
        Checkpoints.save(oracle, weights, Map.of());
        int n = 5;
        List<Tensor> batch = new ArrayList<>();
        double[][] feeds = new double[oracle.feeds().size()][];
        for (int k = 0; k < feeds.length; k++) {
            int rows = oracle.feeds().get(k).rows();
            feeds[k] = new double[rows * n];
            for (int i = 0; i < feeds[k].length; i++) {
                feeds[k][i] = (float) rng.nextDouble(); // data is read in float32
            }
            batch.add(Tensor.of(oracle.feeds().get(k).name(), rows, n, feeds[k]));
        }
        Path batchFile = dir.resolve("b.safetensors");
        Safetensors.write(batchFile, batch, Map.of());
        double want = oracle.computeGradients(feeds, n);

        Path out = dir.resolve("g.safetensors");
        CliRun run = CliRun.of("grad", spec.toString(), "--weights", weights.toString(), "--batch", batchFile.toString(),
                "--out", out.toString(), "--precision", "f64");
        assertEquals(0, run.exitCode(), run.err());
        Checkpoint grads = Safetensors.read(out);
        assertEquals(want, Double.parseDouble(grads.metadata().get("deltac.loss")), 1e-10 * Math.max(1, Math.abs(want)));
        for (Tensor g : oracle.gradients()) {
            double[] got = grads.get(g.name()).asF64();
            for (int k = 0; k < got.length; k++) {
                assertEquals(g.f64()[k], got[k], 1e-10 * Math.max(1, Math.abs(g.f64()[k])), example + " ∂C/∂" + g.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris_mlp"})
    void trainUsesTheSpecsSettingsAndEvalPrintsTheConfusionMatrix(String example) {
        Path spec = Path.of("../examples", example + ".java");
        Path weights = dir.resolve("w.safetensors");
        CliRun train = CliRun.of("train", spec.toString(), "--data", "iris", "--save", weights.toString());
        assertEquals(0, train.exitCode(), train.err());
        // the README's train and eval examples, and its table's iris_mlp row, as printed
        assertTrue(train.out().startsWith("""
                training IrisMlp on iris (train): 120 samples of x (4×n), y (3×n), 10% held out for validation
                  optimizer    sgd        ../examples/iris_mlp.java:9:25
                  lr           0.1        ../examples/iris_mlp.java:9:29
                  batch        8          ../examples/iris_mlp.java:9:34
                  epochs       100        ../examples/iris_mlp.java:9:43
                  seed         42         default
                """), train.out());
        assertTrue(train.out().contains("\ntest: loss 0.2022, accuracy 93.33% on 30 held-out samples of iris (test)\n"),
                train.out());
        CliRun eval = CliRun.of("eval", spec.toString(), "--data", "iris", "--weights", weights.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertEquals("""
                IrisMlp on iris (test): loss 0.2022, accuracy 93.33%

                confusion matrix (rows: actual class, columns: predicted)
                                 setosa  versicolor   virginica  precision  recall
                     setosa          10           0           0     100.0%  100.0%
                 versicolor           0           8           2     100.0%   80.0%
                  virginica           0           0          10      83.3%  100.0%
                """, eval.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"regression"})
    void aRegressionReportsRmseNotAccuracy(String example) {
        CliRun train = CliRun.of("train", "../examples/" + example + ".java", "--data", "../examples/data/petal_width.csv",
                "--epochs", "20");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains(", RMSE "), train.out());
        assertTrue(!train.out().contains("accuracy") && !train.out().contains("NaN"), train.out());
        assertTrue(train.out().contains("  epochs       20         --epochs"), train.out());
    }
}
