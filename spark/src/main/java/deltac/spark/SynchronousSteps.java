package deltac.spark;

import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data parallelism: per step the parameters go out in a broadcast, every partition computes the gradient
 * of its share of the global batch with the generated trainer, {@code treeAggregate} sums the shares weighted by their
 * size, and the driver applies one update with the one optimizer (its state never leaves the driver).
 */
final class SynchronousSteps implements Synchronizer {
    private final JavaSparkContext spark;
    private final JavaRDD<Shard> shards;
    private final Broadcast<TrainerClass> trainerClass;
    private final Trainer trainer;
    private final Optimizer optimizer;
    private final int batchSize;

    SynchronousSteps(JavaSparkContext spark, JavaRDD<Shard> shards, Broadcast<TrainerClass> trainerClass, Trainer trainer,
                     Optimizer optimizer, int batchSize) {
        this.spark = spark;
        this.shards = shards;
        this.trainerClass = trainerClass;
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
    }

    @Override
    public int stepsPerSynchronization() {
        return 1;
    }

    @Override
    public Covered run(Broadcast<int[]> ranks, int epochSize, int first, int steps) {
        int from = first * batchSize;
        int to = Math.min(from + batchSize, epochSize);
        Broadcast<float[][]> parameters = spark.broadcast(Parameters.copyOf(trainer));
        try {
            WeightedSum sum = aggregate(trainerClass, parameters, ranks, from, to);
            Parameters.set(trainer.gradients(), sum.arrays());
            optimizer.update(trainer.parameters(), trainer.gradients());
            return new Covered(sum.loss() * (to - from), to - from);
        } finally {
            parameters.destroy();
        }
    }

    /** The global batch's gradient: Σ over partitions of (share / batch) × the share's mean gradient. */
    private WeightedSum aggregate(Broadcast<TrainerClass> type, Broadcast<float[][]> parameters, Broadcast<int[]> ranks,
                                  int from, int to) {
        try {
            return shards.treeAggregate(WeightedSum.empty(),
                    (sum, shard) -> addShare(sum, shard, type.value(), parameters.value(), ranks.value(), from, to),
                    WeightedSum::merge, 2);
        } catch (Exception e) { // SparkException is checked in Java's eyes, thrown by Scala unchecked
            throw SparkFailures.unwrap(e);
        }
    }

    /** On an executor: this shard's share of the batch, its gradient weighted by the share's size. */
    private static WeightedSum addShare(WeightedSum sum, Shard shard, TrainerClass type, float[][] parameters, int[] ranks,
                                        int from, int to) {
        int[] members = shard.membersRanked(ranks, from, to);
        if (members.length == 0) {
            return sum;
        }
        Trainer local = type.borrow();
        try {
            Parameters.set(local.parameters(), parameters);
            double loss = local.computeGradients(shard.batch(members), members.length);
            float weight = (float) members.length / (to - from); // 1 exactly when one partition holds the whole batch
            return sum.add(Parameters.live(local.gradients()), weight, weight * loss, members.length);
        } finally {
            type.release(local);
        }
    }
}
