package deltac.runtime.train;

import deltac.runtime.Model;
import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.data.Dataset;

/**
 * Batch buffers in the model's precision, allocated once per batch size. An epoch uses at most two sizes (the
 * full batch and the last, partial one), so two are kept; nothing is allocated batch to batch.
 */
final class Batches {

    private final boolean f32;
    private final int xRows;
    private final int yRows;
    private final int outRows;
    private Batch full;
    private Batch partial;

    /** @param outRows rows of {@code predict}'s output, or 0 when nothing is predicted */
    Batches(Precision precision, int xRows, int yRows, int outRows) {
        this.f32 = precision == Precision.F32;
        this.xRows = xRows;
        this.yRows = yRows;
        this.outRows = outRows;
    }

    /**
     * Buffers for {@code n} samples, filled with samples {@code order[start .. start + n)} of {@code data}: the
     * features, and the targets too when {@code targets}.
     */
    Batch load(Dataset data, int[] order, int start, int n, boolean targets) {
        Batch b = forSize(n);
        if (f32) {
            data.copyBatch(order, start, n, b.x32, targets ? b.y32 : null);
        } else {
            data.copyBatch(order, start, n, b.x64, targets ? b.y64 : null);
        }
        return b;
    }

    private Batch forSize(int n) {
        if (full == null) {
            full = new Batch(n);
        }
        if (full.n == n) {
            return full;
        }
        if (partial == null || partial.n != n) {
            partial = new Batch(n);
        }
        return partial;
    }

    /** One batch size's buffers; only the arrays of the model's precision exist. */
    final class Batch {
        final int n;
        final float[] x32;
        final float[] y32;
        final float[] out32;
        final double[] x64;
        final double[] y64;
        final double[] out64;

        private Batch(int n) {
            this.n = n;
            x32 = f32 ? new float[xRows * n] : null;
            y32 = f32 ? new float[yRows * n] : null;
            out32 = f32 && outRows > 0 ? new float[outRows * n] : null;
            x64 = f32 ? null : new double[xRows * n];
            y64 = f32 ? null : new double[yRows * n];
            out64 = !f32 && outRows > 0 ? new double[outRows * n] : null;
        }

        double step(Trainer trainer, Optimizer optimizer) {
            return f32 ? trainer.step(x32, y32, n, optimizer) : trainer.step(x64, y64, n, optimizer);
        }

        double loss(Trainer trainer) {
            return f32 ? trainer.loss(x32, y32, n) : trainer.loss(x64, y64, n);
        }

        void predict(Model model) {
            if (f32) {
                model.predict(x32, n, out32);
            } else {
                model.predict(x64, n, out64);
            }
        }

        /** The row of the largest prediction in column j (after {@link #predict}). */
        int argmax(int j) {
            return f32 ? Metrics.argmax(out32, outRows, n, j) : Metrics.argmax(out64, outRows, n, j);
        }
    }
}
