package deltac.runtime.generated;

import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * The base of generated float32 trainers: the bookkeeping of the {@link Trainer} contract, so that generated
 * code is only the kernels. A subclass implements {@link #run}; the float64 methods convert through buffers
 * allocated once per batch size.
 */
public abstract class GeneratedTrainer32 implements Trainer {
    /** {@link #run}'s modes. */
    protected static final int GRADIENTS = 0;
    protected static final int LOSS = 1;
    protected static final int PREDICT = 2;

    private final String name;
    private final int inputRows;
    private final int targetRows;
    private final int outputRows;
    private final List<Tensor> parameters;
    private final List<Tensor> gradients;
    private float[] xs = new float[0];
    private float[] ys = new float[0];
    private float[] outs = new float[0];

    protected GeneratedTrainer32(String name, int inputRows, int targetRows, int outputRows, Tensor[] parameters,
                                 Tensor[] gradients) {
        this.name = name;
        this.inputRows = inputRows;
        this.targetRows = targetRows;
        this.outputRows = outputRows;
        this.parameters = List.of(parameters);
        this.gradients = List.of(gradients);
    }

    /**
     * The kernels: for {@code GRADIENTS} the loss and every gradient, for {@code LOSS} the loss, for
     * {@code PREDICT} the output into {@code out}. Returns the loss (NaN for PREDICT).
     */
    protected abstract double run(int mode, float[] x, float[] y, int n, float[] out);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Precision precision() {
        return Precision.F32;
    }

    @Override
    public final int inputRows() {
        return inputRows;
    }

    @Override
    public final int outputRows() {
        return outputRows;
    }

    @Override
    public final int targetRows() {
        return targetRows;
    }

    @Override
    public final List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public final List<Tensor> gradients() {
        return gradients;
    }

    private void check(int n, int xLength, int yLength) {
        if (n < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, got n = " + n);
        }
        if (xLength < (long) inputRows * n) {
            throw new IllegalArgumentException("x holds " + xLength + " values; a batch of " + n + " needs "
                    + (long) inputRows * n);
        }
        if (yLength >= 0 && yLength < (long) targetRows * n) {
            throw new IllegalArgumentException("y holds " + yLength + " values; a batch of " + n + " needs "
                    + (long) targetRows * n);
        }
    }

    @Override
    public final double computeGradients(float[] x, float[] y, int n) {
        check(n, x.length, y.length);
        return run(GRADIENTS, x, y, n, null);
    }

    @Override
    public final double loss(float[] x, float[] y, int n) {
        check(n, x.length, y.length);
        return run(LOSS, x, y, n, null);
    }

    @Override
    public final void predict(float[] x, int n, float[] out) {
        check(n, x.length, -1);
        if (out.length < (long) outputRows * n) {
            throw new IllegalArgumentException("out holds " + out.length + " values; a batch of " + n + " needs "
                    + (long) outputRows * n);
        }
        run(PREDICT, x, null, n, out);
    }

    @Override
    public final double computeGradients(double[] x, double[] y, int n) {
        check(n, x.length, y.length);
        return run(GRADIENTS, narrowX(x, n), narrowY(y, n), n, null);
    }

    @Override
    public final double loss(double[] x, double[] y, int n) {
        check(n, x.length, y.length);
        return run(LOSS, narrowX(x, n), narrowY(y, n), n, null);
    }

    @Override
    public final void predict(double[] x, int n, double[] out) {
        check(n, x.length, -1);
        int size = outputRows * n;
        if (outs.length < size) {
            outs = new float[size];
        }
        run(PREDICT, narrowX(x, n), null, n, outs);
        for (int i = 0; i < size; i++) {
            out[i] = outs[i];
        }
    }

    private float[] narrowX(double[] x, int n) {
        int size = inputRows * n;
        if (xs.length < size) {
            xs = new float[size];
        }
        for (int i = 0; i < size; i++) {
            xs[i] = (float) x[i];
        }
        return xs;
    }

    private float[] narrowY(double[] y, int n) {
        int size = targetRows * n;
        if (ys.length < size) {
            ys = new float[size];
        }
        for (int i = 0; i < size; i++) {
            ys[i] = (float) y[i];
        }
        return ys;
    }
}
