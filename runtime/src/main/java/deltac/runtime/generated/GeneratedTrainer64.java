package deltac.runtime.generated;

import deltac.runtime.Feed;
import deltac.runtime.Feeds;
import deltac.runtime.OutputKind;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The base of generated float64 trainers: the bookkeeping of the {@link Trainer} contract, so that generated
 * code is only the kernels. A subclass implements {@link #run}; the float32 methods convert through buffers
 * allocated once per batch size.
 */
public abstract class GeneratedTrainer64 implements Trainer {
    /** {@link #run}'s modes. */
    protected static final int GRADIENTS = 0;
    protected static final int LOSS = 1;
    protected static final int PREDICT = 2;
    protected static final int LOSS_AND_PREDICTION = 3;

    private final String name;
    private final List<Feed> feeds;
    private final List<Feed> inputs;
    private final List<Feed> targets;
    private final int outputRows;
    private final OutputKind outputKind;
    private final Optional<String> comparedWith;
    private final List<Tensor> parameters;
    private final List<Tensor> gradients;
    /** The arrays {@link #run} reads at a prediction: the inputs, no targets. */
    private final double[][] predictFeeds;
    private double[][] widened = new double[0][];
    private double[] outs = new double[0];

    /**
     * @param feedNames the inputs' names, then the targets'
     * @param inputCount how many of the feeds are inputs
     * @param outputKind an {@link OutputKind}'s name
     * @param comparedWith the feed the loss compares the prediction with, or null
     */
    protected GeneratedTrainer64(String name, String[] feedNames, int[] feedRows, int inputCount, int outputRows,
                                 String outputKind, String comparedWith, Tensor[] parameters, Tensor[] gradients) {
        this.name = name;
        List<Feed> all = new ArrayList<>();
        for (int k = 0; k < feedNames.length; k++) {
            all.add(new Feed(feedNames[k], feedRows[k]));
        }
        this.feeds = List.copyOf(all);
        this.inputs = feeds.subList(0, inputCount);
        this.targets = feeds.subList(inputCount, feeds.size());
        this.outputRows = outputRows;
        this.outputKind = OutputKind.valueOf(outputKind);
        this.comparedWith = Optional.ofNullable(comparedWith);
        this.parameters = List.of(parameters);
        this.gradients = List.of(gradients);
        this.predictFeeds = new double[feeds.size()][];
    }

    /**
     * The kernels: for {@code GRADIENTS} the loss and every gradient, for {@code LOSS} the loss, for
     * {@code PREDICT} the output into {@code out} (the targets' arrays are null then), for
     * {@code LOSS_AND_PREDICTION} both the loss and the output. Returns the loss (NaN for PREDICT).
     */
    protected abstract double run(int mode, double[][] feeds, int n, double[] out);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Precision precision() {
        return Precision.F64;
    }

    @Override
    public final List<Feed> inputs() {
        return inputs;
    }

    @Override
    public final List<Feed> targets() {
        return targets;
    }

    @Override
    public final List<Feed> feeds() {
        return feeds;
    }

    @Override
    public final int outputRows() {
        return outputRows;
    }

    @Override
    public final OutputKind outputKind() {
        return outputKind;
    }

    @Override
    public final Optional<String> comparedWith() {
        return comparedWith;
    }

    @Override
    public final List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public final List<Tensor> gradients() {
        return gradients;
    }

    @Override
    public final double computeGradients(double[][] batch, int n) {
        Feeds.check(name, feeds, n, batch);
        return run(GRADIENTS, batch, n, null);
    }

    @Override
    public final double loss(double[][] batch, int n) {
        Feeds.check(name, feeds, n, batch);
        return run(LOSS, batch, n, null);
    }

    @Override
    public final void predict(double[][] batch, int n, double[] out) {
        Feeds.check(name, inputs, n, batch);
        checkOutput(out.length, n);
        System.arraycopy(batch, 0, predictFeeds, 0, batch.length);
        run(PREDICT, predictFeeds, n, out);
    }

    @Override
    public final double lossAndPrediction(double[][] batch, int n, double[] out) {
        Feeds.check(name, feeds, n, batch);
        checkOutput(out.length, n);
        return run(LOSS_AND_PREDICTION, batch, n, out);
    }

    private void checkOutput(int length, int n) {
        if (outputRows == 0) {
            throw new IllegalStateException(name + " has no prediction: its loss compares no per-sample value");
        }
        if (length < (long) outputRows * n) {
            throw new IllegalArgumentException("out holds " + length + " values; a batch of " + n + " needs "
                    + (long) outputRows * n);
        }
    }

    @Override
    public final double computeGradients(float[][] batch, int n) {
        Feeds.check(name, feeds, n, batch);
        return run(GRADIENTS, widen(batch, feeds, n), n, null);
    }

    @Override
    public final double loss(float[][] batch, int n) {
        Feeds.check(name, feeds, n, batch);
        return run(LOSS, widen(batch, feeds, n), n, null);
    }

    @Override
    public final void predict(float[][] batch, int n, float[] out) {
        Feeds.check(name, inputs, n, batch);
        int size = outputRows * n;
        if (outs.length < size) {
            outs = new double[size];
        }
        predict(widen(batch, inputs, n), n, outs);
        for (int i = 0; i < size; i++) {
            out[i] = (float) outs[i];
        }
    }

    /** The batch in float64, in buffers kept per feed and grown with the batch size. */
    private double[][] widen(float[][] batch, List<Feed> which, int n) {
        if (widened.length != which.size()) {
            widened = new double[which.size()][0];
        }
        for (int k = 0; k < batch.length; k++) {
            int size = which.get(k).rows() * n;
            if (widened[k].length < size) {
                widened[k] = new double[size];
            }
            for (int i = 0; i < size; i++) {
                widened[k][i] = batch[k][i];
            }
        }
        return widened;
    }
}
