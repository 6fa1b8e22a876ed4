package deltac.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.Dataset;
import deltac.runtime.train.Adam;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import deltac.runtime.train.History;
import deltac.runtime.train.Schedule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Training on real data reaches the bars DESIGN.md sets, with the generated trainer: the textbook MNIST network at
 * least 93% on the 2,000 held-out digits (as {@code deltac demo} trains it), the deep one at least 95%.
 */
class TrainingAccuracyTest {
    private static Trainer trainer(String example, long seed) throws Exception {
        Graph graph = Spec.parse(Path.of("../examples", example));
        Trainer t = Compiler.trainer(graph, Precision.F32, Engine.BYTECODE);
        Compiler.initialize(t, graph, seed);
        return t;
    }

    private static Evaluation train(Trainer t, Dataset train, Optimizer opt, int epochs, double validation) {
        History h = Fit.run(t, train, null, opt, FitOptions.defaults().epochs(epochs).batchSize(64).seed(42)
                .validationSplit(validation));
        assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss(), "the loss fell");
        return Fit.evaluate(t, Bundled.mnistTest(), 256);
    }

    @Test
    void theTextbookNetworkReaches93PercentAsTheDemoTrainsIt() throws Exception {
        Evaluation e = train(trainer("mnist_mlp.java", 42), Bundled.mnistTrain(), new Adam(0.005), 10, 0.1);
        assertTrue(e.accuracy() >= 0.93, "held-out accuracy " + e.accuracy());
    }

    @Test
    void theDeepNetworkReaches95Percent() throws Exception {
        int epochs = 15;
        long steps = epochs * (long) Math.ceil(Bundled.mnistTrain().size() / 64.0);
        Optimizer adam = new Adam(0.002, 0.9, 0.999, 1e-8, 0, false, Schedule.cosine(steps, 0));
        Evaluation e = train(trainer("mnist_deep.java", 42), Bundled.mnistTrain(), adam, epochs, 0);
        assertTrue(e.accuracy() >= 0.95, "held-out accuracy " + e.accuracy());
    }
}
