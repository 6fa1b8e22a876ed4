package deltac.runtime.train;

import java.util.Objects;

/**
 * How {@link Fit#run} trains. Start from {@link #defaults()} and change what you need; each "wither" returns a
 * copy:
 *
 * <pre>{@code
 * FitOptions options = FitOptions.defaults().epochs(20).batchSize(32).validationSplit(0.2).patience(3);
 * }</pre>
 *
 * @param epochs the number of passes over the training data, at least 1
 * @param batchSize samples per step, at least 1; the last batch of an epoch may be smaller
 * @param seed seeds the shuffles and the validation split: the same seed gives the same order
 * @param shuffle whether to shuffle the training samples before every epoch
 * @param validationSplit the fraction in [0, 1) of the training data held out for validation when no validation
 *     set is given (a seeded random choice); 0 for none
 * @param patience stop after this many epochs without a lower validation loss; 0 never stops early
 * @param checkNumerics whether to check the loss and every gradient for NaN and infinity after each step and stop
 *     with a {@link NumericsException}
 * @param trainAccuracy whether to measure the training accuracy after each epoch, which costs a forward pass over
 *     the training data; without it {@link EpochStats#trainAccuracy()} is NaN
 * @param progress where progress goes
 */
public record FitOptions(int epochs, int batchSize, long seed, boolean shuffle, double validationSplit, int patience,
                         boolean checkNumerics, boolean trainAccuracy, ProgressSink progress) {

    public FitOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("the validation split must be in [0, 1), got " + validationSplit);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("the patience must be at least 0, got " + patience);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** 10 epochs of 64, seed 42, shuffled, no validation split, no early stopping, numerics checked, silent. */
    public static FitOptions defaults() {
        return new FitOptions(10, 64, 42, true, 0, 0, true, false, ProgressSink.silent());
    }

    public FitOptions epochs(int epochs) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions batchSize(int batchSize) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions seed(long seed) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions shuffle(boolean shuffle) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions validationSplit(double validationSplit) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions patience(int patience) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions checkNumerics(boolean checkNumerics) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions trainAccuracy(boolean trainAccuracy) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }

    public FitOptions progress(ProgressSink progress) {
        return new FitOptions(epochs, batchSize, seed, shuffle, validationSplit, patience, checkNumerics, trainAccuracy, progress);
    }
}
