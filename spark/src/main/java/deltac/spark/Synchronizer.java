package deltac.spark;

import org.apache.spark.broadcast.Broadcast;

/** One way for the partitions to agree: it runs global steps on the shards and leaves the result on the driver's trainer. */
interface Synchronizer {
    /** How many global steps one synchronization covers. */
    int stepsPerSynchronization();

    /**
     * Runs global steps {@code [first, first + steps)} of the epoch, step s covering the samples ranked
     * {@code [s·batch, (s+1)·batch)}, and updates the driver's trainer.
     *
     * @return the summed loss × samples of the steps, and how many samples they covered
     */
    Covered run(Broadcast<int[]> ranks, int epochSize, int first, int steps);

    record Covered(double lossSum, long samples) {}
}
