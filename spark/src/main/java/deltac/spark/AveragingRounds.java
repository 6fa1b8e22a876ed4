package deltac.spark;

import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Local SGD with parameter averaging: per round the parameters go out in a broadcast, every partition takes K local
 * steps, each on its share of one global batch, with an optimizer of its own, and {@code treeAggregate} averages the
 * partitions' parameters weighted by the samples each saw. One synchronization per K steps instead of per step.
 * Each partition's optimizer stays on its executor between rounds ({@link LocalOptimizers}); its state is not averaged.
 */
final class AveragingRounds implements Synchronizer {
    private final JavaSparkContext spark;
    private final JavaRDD<Shard> shards;
    private final Broadcast<TrainerClass> trainerClass;
    private final Trainer trainer;
    private final OptimizerChoice optimizer;
    private final int batchSize;
    private final int every;
    private final String run = java.util.UUID.randomUUID().toString();

    AveragingRounds(JavaSparkContext spark, JavaRDD<Shard> shards, Broadcast<TrainerClass> trainerClass, Trainer trainer,
                    OptimizerChoice optimizer, int batchSize, int every) {
        this.spark = spark;
        this.shards = shards;
        this.trainerClass = trainerClass;
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.every = every;
    }

    @Override
    public int stepsPerSynchronization() {
        return every;
    }

    @Override
    public Covered run(Broadcast<int[]> ranks, int epochSize, int first, int steps) {
        int from = first * batchSize;
        int covered = Math.min(steps * batchSize, epochSize - from);
        Broadcast<float[][]> parameters = spark.broadcast(Parameters.copyOf(trainer));
        Broadcast<TrainerClass> type = trainerClass;
        OptimizerChoice choice = optimizer;
        int batch = batchSize;
        String id = run;
        try {
            WeightedSum sum = shards.treeAggregate(WeightedSum.empty(),
                    (acc, shard) -> addLocalRound(acc, shard, type.value(), parameters.value(),
                            LocalOptimizers.of(id, TaskContext.getPartitionId(), choice), ranks.value(),
                            from, batch, steps, epochSize, covered),
                    WeightedSum::merge, 2);
            Parameters.set(trainer.parameters(), sum.arrays());
            return new Covered(sum.loss(), sum.samples());
        } catch (Exception e) { // SparkException is checked in Java's eyes, thrown by Scala unchecked
            throw SparkFailures.unwrap(e);
        } finally {
            parameters.destroy();
        }
    }

    /** Drops the partitions' optimizers on the executors that hold them; best effort, never hiding a failure. */
    void finish() {
        String id = run;
        try {
            shards.foreachPartition(part -> LocalOptimizers.forget(id));
        } catch (Exception e) { // the run already failed (or an executor is gone, and its optimizers with it)
            return;
        }
    }

    /** On an executor: K local steps on this shard's shares of the round's global batches, its parameters weighted. */
    private static WeightedSum addLocalRound(WeightedSum sum, Shard shard, TrainerClass type, float[][] parameters,
                                             Optimizer optimizer, int[] ranks, int from, int batch, int steps,
                                             int epochSize, int covered) {
        Trainer local = type.borrow();
        try {
            Parameters.set(local.parameters(), parameters);
            double lossSum = 0;
            int seen = 0;
            for (int s = 0; s < steps; s++) {
                int start = from + s * batch;
                int[] members = shard.membersRanked(ranks, start, Math.min(start + batch, epochSize));
                if (members.length > 0) {
                    lossSum += local.step(shard.batch(members), members.length, optimizer) * members.length;
                    seen += members.length;
                }
            }
            if (seen == 0) {
                return sum;
            }
            return sum.add(Parameters.live(local.parameters()), (float) seen / covered, lossSum, seen);
        } finally {
            type.release(local);
        }
    }
}
