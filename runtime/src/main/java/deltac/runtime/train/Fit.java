package deltac.runtime.train;

import deltac.runtime.Model;
import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import deltac.runtime.data.DataException;
import deltac.runtime.data.Dataset;
import deltac.runtime.data.FeedSet;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The training loop: epochs of shuffled minibatches, each a {@link Trainer#step}, then validation, progress and
 * early stopping; and evaluation of a trained model.
 *
 * <pre>{@code
 * Trainer t = Compiler.compile(net, Precision.F32);
 * Checkpoints.initialize(t, Map.of(), Map.of(), 42);                 // the spec's default initializers
 * History h = Fit.run(t, FeedSet.bind(Bundled.mnistTrain(), t), FeedSet.bind(Bundled.mnistTest(), t), new Adam(1e-3),
 *         FitOptions.defaults().epochs(5).batchSize(64).patience(2).progress(ProgressSink.plain(System.out)));
 * System.out.println(h.last().validationAccuracy());                 // e.g. 0.95
 * Evaluation e = Fit.evaluate(t, FeedSet.bind(Bundled.mnistTest(), t), 256);   // loss and accuracy
 * }</pre>
 *
 * <p>An epoch visits every training sample once, in an order shuffled with the options' seed (so the same seed,
 * data, trainer and optimizer give bitwise the same run), in batches of the options' size; the last batch of an
 * epoch holds the remainder and is not dropped. Batch buffers are allocated once per batch size in the trainer's
 * precision. After the epoch the model is evaluated on the validation data (its loss, and its prediction against the
 * feed the loss compares it with: accuracy for a classifier, RMSE for real values).
 *
 * <p><b>Early stopping</b> ({@link FitOptions#patience()} &gt; 0) ends training after that many epochs without a
 * lower validation loss. It only stops: the model keeps the last epoch's weights, not the best epoch's; save a
 * checkpoint per epoch if you want those. {@link History#bestEpoch()} says which epoch was best.
 */
public final class Fit {

    private Fit() {}

    /**
     * Trains {@code trainer} on {@code train}.
     *
     * @param validation the validation data, or null to hold out {@link FitOptions#validationSplit()} of
     *     {@code train} (or to skip validation when the split is 0)
     * @return one {@link EpochStats} per epoch run
     * @throws IllegalArgumentException when the data does not fit the trainer's input or target, when both a
     *     validation set and a split are given, or when early stopping is asked for without validation data
     * @throws NumericsException when {@link FitOptions#checkNumerics()} is on and a loss or gradient is NaN or ∞
     */
    public static History run(Trainer trainer, FeedSet train, FeedSet validation, Optimizer optimizer,
                              FitOptions options) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(optimizer, "optimizer");
        checkFits(trainer, train);
        if (validation != null) {
            checkFits(trainer, validation);
            if (options.validationSplit() > 0) {
                throw new IllegalArgumentException("give either a validation set or a validation split, not both");
            }
        }
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom splitRandom = root.split(); // separate streams: the split does not shift the shuffles
        SplittableRandom shuffleRandom = root.split();
        int[] trainOrder = identity(train.size());
        FeedSet validationData = validation;
        int[] validationOrder = validation == null ? null : identity(validation.size());
        if (validation == null && options.validationSplit() > 0) {
            int[][] parts = split(train, options.validationSplit(), splitRandom);
            trainOrder = parts[0];
            validationData = train;
            validationOrder = parts[1];
        }
        if (trainOrder.length == 0) {
            throw new IllegalArgumentException(train.name() + " has no training samples");
        }
        if (options.patience() > 0 && validationData == null) {
            throw new IllegalArgumentException("early stopping watches the validation loss: give validation data or a split");
        }
        return new FitLoop(trainer, optimizer, options, shuffleRandom)
                .run(train, trainOrder, validationData, validationOrder);
    }

    /** Trains on a data set of features and labels, bound to the trainer's feeds by {@link FeedSet#bind}. */
    public static History run(Trainer trainer, Dataset train, Dataset validation, Optimizer optimizer,
                              FitOptions options) {
        return run(trainer, bound(train, trainer), validation == null ? null : bound(validation, trainer), optimizer,
                options);
    }

    /**
     * Trains for {@code epochs} epochs of {@code batchSize} with the {@link FitOptions#defaults() defaults}, no
     * validation, and a line of progress per epoch on standard output ({@link ProgressSink#plain}).
     */
    public static History run(Trainer trainer, Dataset train, Optimizer optimizer, int epochs, int batchSize) {
        return run(trainer, train, null, optimizer,
                FitOptions.defaults().epochs(epochs).batchSize(batchSize).progress(ProgressSink.plain(System.out)));
    }

    /** The mean loss and the measures of the prediction (see {@link Evaluation}) of {@code trainer} on {@code data}. */
    public static Evaluation evaluate(Trainer trainer, FeedSet data, int batchSize) {
        checkFits(trainer, data);
        return new Evaluator(trainer, trainer, batchSize).run(data, identity(data.size()));
    }

    /** The measures of the prediction of {@code model} on {@code data}; the loss is NaN, since a model has none. */
    public static Evaluation evaluate(Model model, FeedSet data, int batchSize) {
        if (model instanceof Trainer t) {
            return evaluate(t, data, batchSize);
        }
        return new Evaluator(model, null, batchSize).run(data, identity(data.size()));
    }

    /** {@link #evaluate(Trainer, FeedSet, int)} on a data set of features and labels. */
    public static Evaluation evaluate(Trainer trainer, Dataset data, int batchSize) {
        return evaluate(trainer, bound(data, trainer), batchSize);
    }

    /**
     * The confusion matrix of a classifier on {@code data}: entry {@code [a][p]} counts samples of class a
     * predicted as p (for one yes/no output, class 1 is yes).
     *
     * @throws IllegalArgumentException when the model's prediction is not class or yes/no probabilities
     */
    public static int[][] confusion(Model model, FeedSet data, int batchSize) {
        return new Evaluator(model, null, batchSize).confusion(data);
    }

    private static FeedSet bound(Dataset data, Trainer trainer) {
        try {
            return FeedSet.bind(data, trainer);
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static void checkFits(Trainer trainer, FeedSet data) {
        Objects.requireNonNull(data, "data");
        try {
            data.checkHolds(trainer.name(), trainer.feeds());
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** 0, 1, …, n − 1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher–Yates, in place: the shuffle each epoch of {@link #run} applies to the last epoch's order. */
    public static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** A seeded random {@code fraction} of the samples for validation, the rest for training, each sorted. */
    private static int[][] split(FeedSet data, double fraction, SplittableRandom random) {
        int n = data.size();
        int held = (int) Math.round(fraction * n);
        if (held < 1 || held >= n) {
            throw new IllegalArgumentException("a validation split of " + fraction + " of " + data.name() + "'s " + n
                    + " samples leaves " + held + " for validation and " + (n - held) + " for training; each needs one");
        }
        int[] order = identity(n);
        shuffle(order, random);
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation); // sorted, so an unshuffled run still sees the data in its own order
        Arrays.sort(train);
        return new int[][] {train, validation};
    }
}
