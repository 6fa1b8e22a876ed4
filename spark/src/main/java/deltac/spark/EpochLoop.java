package deltac.spark;

import deltac.runtime.Trainer;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import deltac.runtime.train.History;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/** The driver's loop: epochs of global steps in the seed's order, one synchronization at a time, and their figures. */
final class EpochLoop {
    private final JavaSparkContext spark;
    private final Trainer trainer;
    private final Synchronizer synchronizer;
    private final SparkFitOptions options;
    private long synchronizations;
    private long synchronizationNanos;

    EpochLoop(JavaSparkContext spark, Trainer trainer, Synchronizer synchronizer, SparkFitOptions options) {
        this.spark = spark;
        this.trainer = trainer;
        this.synchronizer = synchronizer;
        this.options = options;
    }

    SparkFitResult run(int size) {
        SampleOrder order = new SampleOrder(size, options.seed(), options.shuffle());
        int stepsPerEpoch = (size + options.batchSize() - 1) / options.batchSize();
        List<EpochStats> epochs = new ArrayList<>();
        long steps = 0;
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            Broadcast<int[]> ranks = spark.broadcast(order.nextEpochRanks());
            double lossSum = 0;
            long seen = 0;
            try {
                for (int first = 0; first < stepsPerEpoch; first += synchronizer.stepsPerSynchronization()) {
                    int count = Math.min(synchronizer.stepsPerSynchronization(), stepsPerEpoch - first);
                    long began = System.nanoTime();
                    Synchronizer.Covered covered = synchronizer.run(ranks, size, first, count);
                    synchronizationNanos += System.nanoTime() - began;
                    synchronizations++;
                    steps += count;
                    lossSum += covered.lossSum();
                    seen += covered.samples();
                    if (options.listener() != null) {
                        options.listener().stepsDone(epoch, steps, covered.lossSum() / covered.samples());
                    }
                }
            } finally {
                ranks.destroy();
            }
            double trainSeconds = seconds(start);
            Evaluation validation = options.validation() == null ? null : Fit.evaluate(trainer, options.validation(), 256);
            EpochStats stats = new EpochStats(epoch, lossSum / seen, Double.NaN,
                    validation == null ? Double.NaN : validation.loss(),
                    validation == null ? Double.NaN : validation.accuracy(), seen / trainSeconds, seconds(start));
            epochs.add(stats);
            double watched = stats.hasValidation() ? stats.validationLoss() : stats.trainLoss();
            if (watched < bestLoss) {
                bestLoss = watched;
                best = epoch;
            }
        }
        return new SparkFitResult(trainer, new History(epochs, false, best), synchronizations,
                synchronizationNanos / 1e9 / Math.max(1, synchronizations));
    }

    private static double seconds(long startNanos) {
        return Math.max(System.nanoTime() - startNanos, 1) / 1e9;
    }
}
