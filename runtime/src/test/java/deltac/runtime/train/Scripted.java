package deltac.runtime.train;

import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A fake trainer whose numbers are scripted, to test the loop's bookkeeping: one input row (the loop's data is
 * laid out so feature 0 is the sample's index), one target row, parameters W and b (1 × 1) that the optimizer
 * moves but nothing reads. Records every training batch.
 */
final class Scripted extends XyTrainer {

    Scripted() {
        super(1, 1, 1);
    }

    /** The training loss of step s (from 1). */
    LongToDoubleFunction trainLoss = s -> 1.0;
    /** The loss of the k-th call to {@link #loss} (from 1): one per epoch when the validation set fits in a batch. */
    LongToDoubleFunction validationLoss = e -> 1.0;
    /** The value written into b's gradient at step s (W's is always 1). */
    LongToDoubleFunction bGradient = s -> 1.0;
    final List<int[]> batches = new ArrayList<>();

    private final Tensor w = Tensor.of("W", 1, 1, new double[1]);
    private final Tensor b = Tensor.of("b", 1, 1, new double[1]);
    private final Tensor dw = Tensor.of("W", 1, 1, new double[] {1});
    private final Tensor db = Tensor.of("b", 1, 1, new double[1]);
    private long steps;
    private long lossCalls;

    @Override public String name() { return "Scripted"; }
    @Override public Precision precision() { return Precision.F64; }
                @Override public List<Tensor> parameters() { return List.of(w, b); }
    @Override public List<Tensor> gradients() { return List.of(dw, db); }

        public double computeGradients(double[] x, double[] y, int n) {
        int[] samples = new int[n];
        for (int j = 0; j < n; j++) {
            samples[j] = (int) x[j];
        }
        batches.add(samples);
        steps++;
        db.f64()[0] = bGradient.applyAsDouble(steps);
        return trainLoss.applyAsDouble(steps);
    }

        public double loss(double[] x, double[] y, int n) {
        return validationLoss.applyAsDouble(++lossCalls);
    }

        public void predict(double[] x, int n, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0);
    }

        public double computeGradients(float[] x, float[] y, int n) {
        throw new UnsupportedOperationException("F64 only");
    }

        public double loss(float[] x, float[] y, int n) {
        throw new UnsupportedOperationException("F64 only");
    }

        public void predict(float[] x, int n, float[] out) {
        throw new UnsupportedOperationException("F64 only");
    }
}
