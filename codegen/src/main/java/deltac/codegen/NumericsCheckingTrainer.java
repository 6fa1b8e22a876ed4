package deltac.codegen;

import deltac.autodiff.Derivation;
import deltac.codegen.ejml.EjmlTrainer;
import deltac.runtime.Feed;
import deltac.runtime.OutputKind;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.train.NumericsException;
import java.util.List;
import java.util.Optional;

/**
 * A trainer that stops at the first NaN or infinity in a loss or gradient, and says where it came from: it runs
 * the offending batch again through the reference interpreter, op by op, which names the first op whose value is
 * not finite and the spec's name nearest it. Checking costs a pass over the gradients per step; the diagnosis
 * runs only once, at the failure.
 */
public final class NumericsCheckingTrainer implements Trainer {
    private final Trainer inner;
    private final Derivation derivation;
    private long steps;

    public NumericsCheckingTrainer(Trainer inner, Derivation derivation) {
        this.inner = inner;
        this.derivation = derivation;
    }

    @Override
    public double computeGradients(float[][] batch, int n) {
        steps++;
        double loss = inner.computeGradients(batch, n);
        if (!finite(loss)) {
            double[][] widened = new double[batch.length][];
            for (int k = 0; k < batch.length; k++) {
                widened[k] = new double[feeds().get(k).rows() * n];
                for (int i = 0; i < widened[k].length; i++) {
                    widened[k][i] = batch[k][i];
                }
            }
            diagnose(widened, n);
        }
        return loss;
    }

    @Override
    public double computeGradients(double[][] batch, int n) {
        steps++;
        double loss = inner.computeGradients(batch, n);
        if (!finite(loss)) {
            diagnose(batch, n);
        }
        return loss;
    }

    /** The loss and every gradient are finite. */
    private boolean finite(double loss) {
        if (!Double.isFinite(loss)) {
            return false;
        }
        for (Tensor g : inner.gradients()) {
            if (g.f32() != null) {
                for (float v : g.f32()) {
                    if (!Float.isFinite(v)) {
                        return false;
                    }
                }
            } else {
                for (double v : g.f64()) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void diagnose(double[][] batch, int n) {
        EjmlTrainer reference = new EjmlTrainer(derivation, Precision.F64).checkNumerics(true);
        for (int i = 0; i < inner.parameters().size(); i++) {
            Tensor from = inner.parameters().get(i);
            double[] to = reference.parameters().get(i).f64();
            for (int k = 0; k < to.length; k++) {
                to[k] = from.f64() != null ? from.f64()[k] : from.f32()[k];
            }
        }
        String where;
        try {
            reference.computeGradients(batch, n);
            where = "the loss or a gradient overflowed " + inner.precision().name().toLowerCase(java.util.Locale.ROOT)
                    + " (the same batch is finite in float64)";
        } catch (ArithmeticException e) {
            where = e.getMessage();
        }
        throw new NumericsException(where + ", at step " + steps, steps, -1, null);
    }

    @Override
    public double loss(float[][] batch, int n) {
        return inner.loss(batch, n);
    }

    @Override
    public double loss(double[][] batch, int n) {
        return inner.loss(batch, n);
    }

    @Override
    public List<Tensor> gradients() {
        return inner.gradients();
    }

    @Override
    public List<Feed> inputs() {
        return inner.inputs();
    }

    @Override
    public List<Feed> targets() {
        return inner.targets();
    }

    @Override
    public List<Feed> feeds() {
        return inner.feeds();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Precision precision() {
        return inner.precision();
    }

    @Override
    public int outputRows() {
        return inner.outputRows();
    }

    @Override
    public OutputKind outputKind() {
        return inner.outputKind();
    }

    @Override
    public Optional<String> comparedWith() {
        return inner.comparedWith();
    }

    @Override
    public List<Tensor> parameters() {
        return inner.parameters();
    }

    @Override
    public void predict(float[][] batch, int n, float[] out) {
        inner.predict(batch, n, out);
    }

    @Override
    public void predict(double[][] batch, int n, double[] out) {
        inner.predict(batch, n, out);
    }
}
