package deltac.runtime.train;

import deltac.runtime.Feed;
import deltac.runtime.Model;
import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import java.util.Arrays;
import java.util.List;

/**
 * Batch buffers in the model's precision, one per feed, allocated once per batch size. An epoch uses at most two
 * sizes (the full batch and the last, partial one), so two are kept; nothing is allocated batch to batch.
 */
final class Batches {

    private final boolean f32;
    private final List<Feed> feeds;
    private final int inputCount;
    private final int outRows;
    private Batch full;
    private Batch partial;

    /**
     * @param feeds what a batch holds: a trainer's feeds, or a model's inputs (and what its prediction is compared
     *     with), in the order the model takes them
     * @param inputCount how many of the feeds, first, are the model's inputs
     * @param outRows rows of {@code predict}'s output, or 0 when nothing is predicted
     */
    Batches(Precision precision, List<Feed> feeds, int inputCount, int outRows) {
        this.f32 = precision == Precision.F32;
        this.feeds = List.copyOf(feeds);
        this.inputCount = inputCount;
        this.outRows = outRows;
    }

    /** Buffers for {@code n} samples, filled with samples {@code order[start .. start + n)} of {@code data}. */
    Batch load(FeedSet data, int[] order, int start, int n) {
        Batch b = forSize(n);
        if (f32) {
            data.copyBatch(feeds, order, start, n, b.f32);
        } else {
            data.copyBatch(feeds, order, start, n, b.f64);
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
        final float[][] f32;
        final double[][] f64;
        final float[][] inputs32;
        final double[][] inputs64;
        final float[] out32;
        final double[] out64;

        private Batch(int n) {
            this.n = n;
            boolean single = Batches.this.f32;
            f32 = single ? new float[feeds.size()][] : null;
            f64 = single ? null : new double[feeds.size()][];
            for (int k = 0; k < feeds.size(); k++) {
                if (single) {
                    f32[k] = new float[feeds.get(k).rows() * n];
                } else {
                    f64[k] = new double[feeds.get(k).rows() * n];
                }
            }
            out32 = single && outRows > 0 ? new float[outRows * n] : null;
            out64 = !single && outRows > 0 ? new double[outRows * n] : null;
            inputs32 = single ? Arrays.copyOf(f32, inputCount) : null; // the same arrays, the inputs alone
            inputs64 = single ? null : Arrays.copyOf(f64, inputCount);
        }

        double step(Trainer trainer, Optimizer optimizer) {
            return f32 != null ? trainer.step(f32, n, optimizer) : trainer.step(f64, n, optimizer);
        }

        double loss(Trainer trainer) {
            return f32 != null ? trainer.loss(f32, n) : trainer.loss(f64, n);
        }

        /** The loss, and the prediction into {@link #out}, in one forward pass where the trainer can. */
        double lossAndPrediction(Trainer trainer) {
            return f32 != null ? trainer.lossAndPrediction(f32, n, out32) : trainer.lossAndPrediction(f64, n, out64);
        }

        /** The prediction for the batch's inputs, into {@link #out}. */
        void predict(Model model) {
            if (f32 != null) {
                model.predict(inputs32, n, out32);
            } else {
                model.predict(inputs64, n, out64);
            }
        }

        /** Entry (r, j) of the prediction. */
        double out(int r, int j) {
            return out32 != null ? out32[r * n + j] : out64[r * n + j];
        }

        /** Entry (r, j) of feed k. */
        double feed(int k, int r, int j) {
            return f32 != null ? f32[k][r * n + j] : f64[k][r * n + j];
        }
    }
}
