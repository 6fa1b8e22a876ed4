package deltac.spark;

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
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
    }

    /** The next epoch's ranks: {@code rank[i]} is the position of sample i in the epoch. */
    int[] nextEpochRanks() {
        if (shuffle) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffles.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int[] rank = new int[order.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }
}
