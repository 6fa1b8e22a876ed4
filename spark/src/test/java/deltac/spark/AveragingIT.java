package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.Fit;
import org.junit.jupiter.api.Test;

/**
 * Local SGD with parameter averaging on the cluster: the textbook MNIST network to the demo's bar. Two partitions, so
 * the averages do not depend on which task finishes first, and scalar kernels: the run is the same every time
 * (93.75% after the 5th epoch).
 */
class AveragingIT {
    @Test
    void averagingEvery25StepsReaches93PercentOnTheHeldOutDigits() throws Exception {
        Graph net = SynchronousIT.mnistMlp();
        Trainer shape = TrainerClass.compile(net).newTrainer();
        FeedSet train = FeedSet.bind(Bundled.mnistTrain(), shape);
        FeedSet test = FeedSet.bind(Bundled.mnistTest(), shape);
        SparkFitResult result = SparkFit.run(net, SparkFit.samples(LocalCluster.spark(), train, 2),
                SparkFitOptions.defaults().epochs(5).batchSize(64).optimizer(OptimizerChoice.adam(0.005))
                        .averageEvery(25).validation(test));
        for (EpochStats epoch : result.history().epochs()) {
            System.out.printf("epoch %d: loss %.4f, held-out accuracy %.4f, %.0f samples/s%n", epoch.epoch(),
                    epoch.trainLoss(), epoch.validationAccuracy(), epoch.samplesPerSecond());
        }
        double accuracy = Fit.evaluate(result.trainer(), test, 256).accuracy();
        assertTrue(accuracy >= 0.93, "accuracy " + accuracy + " on the 2,000 held-out digits");
    }
}
