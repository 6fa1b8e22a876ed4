package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synchronous mode on the cluster against the runtime's {@code Fit.run} on this one JVM, with the same seed, global
 * batch and sample order: 20 steps of 64 MNIST digits through the textbook 784-128-10 network.
 */
class SynchronousIT {
    static final int STEPS = 20;
    static final int BATCH = 64;

    static List<OptimizerChoice> optimizers() {
        return List.of(OptimizerChoice.sgd(0.5), OptimizerChoice.momentum(0.05, 0.9), OptimizerChoice.adam(0.005));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void onePartitionEqualsOneMachineExactly(OptimizerChoice optimizer) throws Exception {
        List<Tensor> spark = onCluster(optimizer, 1);
        List<Tensor> local = onOneMachine(optimizer);
        for (int k = 0; k < local.size(); k++) {
            assertArrayEquals(local.get(k).f32(), spark.get(k).f32(), local.get(k).name() + " after " + STEPS + " steps");
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void threePartitionsEqualOneMachineWithinFloatSums(OptimizerChoice optimizer) throws Exception {
        List<Tensor> spark = onCluster(optimizer, 3);
        List<Tensor> local = onOneMachine(optimizer);
        for (int k = 0; k < local.size(); k++) {
            double relative = relativeDifference(spark.get(k).f32(), local.get(k).f32());
            assertTrue(relative <= 1e-5, local.get(k).name() + " differs by " + relative + " relative (‖a − b‖ / ‖b‖)");
        }
    }

    static Graph mnistMlp() throws Exception {
        return Spec.parse(Path.of(System.getProperty("deltac.examples", "../examples"), "mnist_mlp.java"));
    }

    /** The first 20 batches' worth of the bundled training digits: one epoch, 20 steps. */
    static FeedSet digits(Trainer trainer) throws Exception {
        FeedSet all = FeedSet.bind(Bundled.mnistTrain(), trainer);
        int[] first = new int[STEPS * BATCH];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        return all.pick(first, "mnist (first " + first.length + ")");
    }

    static List<Tensor> onCluster(OptimizerChoice optimizer, int partitions) throws Exception {
        Graph net = mnistMlp();
        Trainer shape = TrainerClass.compile(net).newTrainer();
        SparkFitResult result = SparkFit.run(net, SparkFit.samples(LocalCluster.spark(), digits(shape), partitions),
                SparkFitOptions.defaults().epochs(1).batchSize(BATCH).seed(7).optimizer(optimizer));
        assertEquals(STEPS, result.synchronizations());
        return result.trainer().parameters();
    }

    static List<Tensor> onOneMachine(OptimizerChoice optimizer) throws Exception {
        Graph net = mnistMlp();
        Trainer trainer = TrainerClass.compile(net).initializedTrainer(net, 7);
        Fit.run(trainer, digits(trainer), null, optimizer.create(),
                FitOptions.defaults().epochs(1).batchSize(BATCH).seed(7).validationSplit(0));
        return trainer.parameters();
    }

    /** ‖a − b‖ / ‖b‖ (Euclidean): relative to the tensor as a whole, so entries near zero do not blow it up. */
    static double relativeDifference(float[] a, float[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            diff += d * d;
            norm += (double) b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }
}
