package deltac.runtime.train;

import deltac.runtime.Feed;
import deltac.runtime.OutputKind;
import deltac.runtime.Trainer;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written test trainer of one input x and one target y: the subclass computes on the two arrays, this class
 * gives it the feed contract.
 */
abstract class XyTrainer implements Trainer {
    private final List<Feed> inputs;
    private final List<Feed> targets;
    private final int outputRows;

    XyTrainer(int inputRows, int targetRows, int outputRows) {
        this.inputs = List.of(new Feed("x", inputRows));
        this.targets = List.of(new Feed("y", targetRows));
        this.outputRows = outputRows;
    }

    abstract double computeGradients(float[] x, float[] y, int n);

    abstract double computeGradients(double[] x, double[] y, int n);

    abstract double loss(float[] x, float[] y, int n);

    abstract double loss(double[] x, double[] y, int n);

    abstract void predict(float[] x, int n, float[] out);

    abstract void predict(double[] x, int n, double[] out);

    @Override public final List<Feed> inputs() { return inputs; }
    @Override public final List<Feed> targets() { return targets; }
    @Override public final List<Feed> feeds() { return List.of(inputs.get(0), targets.get(0)); }
    @Override public final int outputRows() { return outputRows; }
    @Override public OutputKind outputKind() { return OutputKind.CLASSES; }
    @Override public final Optional<String> comparedWith() { return Optional.of("y"); }
    @Override public final double computeGradients(float[][] f, int n) { return computeGradients(f[0], f[1], n); }
    @Override public final double computeGradients(double[][] f, int n) { return computeGradients(f[0], f[1], n); }
    @Override public final double loss(float[][] f, int n) { return loss(f[0], f[1], n); }
    @Override public final double loss(double[][] f, int n) { return loss(f[0], f[1], n); }
    @Override public final void predict(float[][] f, int n, float[] out) { predict(f[0], n, out); }
    @Override public final void predict(double[][] f, int n, double[] out) { predict(f[0], n, out); }
}
