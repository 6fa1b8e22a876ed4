package deltac.spark;

import deltac.runtime.data.FeedSet;
import java.util.Objects;

/**
 * How {@link SparkFit} trains: epochs of shuffled global batches, as the runtime's {@code FitOptions}, and how the
 * partitions synchronize: after every step (synchronous, the default) or by averaging their parameters every K local
 * steps.
 *
 * @param batchSize the global batch: each step covers this many samples across all partitions
 * @param averageEvery 0 for synchronous training; K &gt; 0 to average the partitions' parameters every K local steps
 * @param validation evaluated on the driver after each epoch, or null
 * @param listener told after each synchronization, or null
 */
public record SparkFitOptions(int epochs, int batchSize, long seed, boolean shuffle, OptimizerChoice optimizer,
                              int averageEvery, FeedSet validation, StepListener listener) {

    public SparkFitOptions {
        Objects.requireNonNull(optimizer, "optimizer");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        if (averageEvery < 0) {
            throw new IllegalArgumentException("averageEvery must be 0 (synchronous) or a number of steps, got " + averageEvery);
        }
    }

    /** Synchronous, 5 epochs of 64, seed 42, shuffled, Adam 0.001: {@code deltac train}'s defaults. */
    public static SparkFitOptions defaults() {
        return new SparkFitOptions(5, 64, 42, true, OptimizerChoice.adam(1e-3), 0, null, null);
    }

    public SparkFitOptions epochs(int epochs) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public SparkFitOptions batchSize(int batchSize) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public SparkFitOptions seed(long seed) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public SparkFitOptions shuffle(boolean shuffle) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public SparkFitOptions optimizer(OptimizerChoice optimizer) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    /** One global gradient per step: the same steps as one machine with the same global batch and order. */
    public SparkFitOptions synchronous() {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, 0, validation, listener);
    }

    /** Local SGD: each partition steps on its share of every global batch, and parameters are averaged every k steps. */
    public SparkFitOptions averageEvery(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("average every k ≥ 1 steps, got " + k);
        }
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, k, validation, listener);
    }

    public SparkFitOptions validation(FeedSet validation) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public SparkFitOptions listener(StepListener listener) {
        return new SparkFitOptions(epochs, batchSize, seed, shuffle, optimizer, averageEvery, validation, listener);
    }

    public boolean isSynchronous() {
        return averageEvery == 0;
    }
}
