package deltac.spark;

import deltac.runtime.train.Fit;
import java.util.SplittableRandom;

/**
 * The order an epoch visits the samples in, drawn exactly as the runtime's {@code Fit.run} draws it with no
 * validation split (the seed's second stream, a Fisher–Yates shuffle continued epoch to epoch), so that a Spark run
 * and a single-machine run with the same seed see the same global batches.
 */
final class SampleOrder {
    private final int[] order;
    private final SplittableRandom shuffles;
    private final boolean shuffle;

    SampleOrder(int size, long seed, boolean shuffle) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // Fit.run's validation split stream, drawn first even when unused
        this.shuffles = root.split();
        this.shuffle = shuffle;
        this.order = Fit.identity(size);
    }

    /** The next epoch's ranks: {@code rank[i]} is the position of sample i in the epoch. */
    int[] nextEpochRanks() {
        if (shuffle) {
            Fit.shuffle(order, shuffles);
        }
        int[] rank = new int[order.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }
}
