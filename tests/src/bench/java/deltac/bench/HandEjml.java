package deltac.bench;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

import java.util.HashMap;
import java.util.Map;

/**
 * Backpropagation coded by hand on EJML in float32 (FMatrixRMaj), straight from the textbook formulas, for any of
 * the workloads' networks: Zˡ = Wˡ Aˡ⁻¹ + bˡ 1ᵀ, Aˡ = f(Zˡ), softmax last; Δᴸ = (Aᴸ − Y)/n,
 * Δˡ = (Wˡ⁺¹)ᵀ Δˡ⁺¹ ⊙ f′(Zˡ), ∂C/∂Wˡ = Δˡ (Aˡ⁻¹)ᵀ, ∂C/∂bˡ = Δˡ 1; Wˡ ← Wˡ − η ∂C/∂Wˡ. The products are EJML's
 * ({@code mult}, {@code multTransA}, {@code multTransB}), the rest element-wise loops over the matrices' arrays.
 * The float32 twin of the codegen tests' HandWrittenMnistBackprop; matrices are allocated once per batch size.
 */
final class HandEjml implements Contestant {
    private BenchData data;
    private Workload w;
    private int[] sizes;
    private float lr;
    private FMatrixRMaj[] weights;
    private FMatrixRMaj[] biases;
    private FMatrixRMaj[] dW;
    private FMatrixRMaj[] db;
    private FMatrixRMaj[] xs;
    private FMatrixRMaj[] ys;
    private FMatrixRMaj evalX;
    private FMatrixRMaj evalY;
    private final Map<Integer, Buffers> buffers = new HashMap<>();

    @Override
    public String title() {
        return "hand-written EJML backprop f32";
    }

    @Override
    public String details() {
        return "EJML " + org.ejml.EjmlVersion.VERSION + ", JDK " + Runtime.version().feature();
    }

    private static final class Buffers {
        final FMatrixRMaj[] a;
        final FMatrixRMaj[] delta;

        Buffers(int[] sizes, int n) {
            a = new FMatrixRMaj[sizes.length];
            delta = new FMatrixRMaj[sizes.length];
            for (int l = 1; l < sizes.length; l++) {
                a[l] = new FMatrixRMaj(sizes[l], n);
                delta[l] = new FMatrixRMaj(sizes[l], n);
            }
        }
    }

    @Override
    public void prepare(BenchData data) {
        this.data = data;
        this.w = data.workload;
        this.sizes = w.sizes();
        this.lr = (float) w.learningRate;
        int layers = w.layers();
        weights = new FMatrixRMaj[layers + 1];
        biases = new FMatrixRMaj[layers + 1];
        dW = new FMatrixRMaj[layers + 1];
        db = new FMatrixRMaj[layers + 1];
        for (int l = 1; l <= layers; l++) {
            weights[l] = new FMatrixRMaj(sizes[l], sizes[l - 1]);
            biases[l] = new FMatrixRMaj(sizes[l], 1);
            dW[l] = new FMatrixRMaj(sizes[l], sizes[l - 1]);
            db[l] = new FMatrixRMaj(sizes[l], 1);
        }
        int spe = data.stepsPerEpoch();
        xs = new FMatrixRMaj[spe];
        ys = new FMatrixRMaj[spe];
        for (int s = 0; s < spe; s++) {
            xs[s] = new FMatrixRMaj(w.inputs(), w.batch);
            ys[s] = new FMatrixRMaj(w.classes(), w.batch);
            data.columns(s, xs[s].data, ys[s].data);
        }
        evalX = new FMatrixRMaj(w.inputs(), w.evalCount);
        evalY = new FMatrixRMaj(w.classes(), w.evalCount);
        data.evalColumns(evalX.data, evalY.data);
        reset();
    }

    @Override
    public void reset() {
        for (int l = 1; l <= w.layers(); l++) {
            System.arraycopy(data.init.get("W" + l), 0, weights[l].data, 0, weights[l].getNumElements());
            System.arraycopy(data.init.get("b" + l), 0, biases[l].data, 0, biases[l].getNumElements());
        }
    }

    @Override
    public double step(int s) {
        int b = s % xs.length;
        int n = w.batch;
        Buffers buf = buffers.computeIfAbsent(n, k -> new Buffers(sizes, k));
        double loss = forward(xs[b], ys[b], buf);
        backward(ys[b], buf);
        for (int l = 1; l <= w.layers(); l++) {
            CommonOps_FDRM.addEquals(weights[l], -lr, dW[l]);
            CommonOps_FDRM.addEquals(biases[l], -lr, db[l]);
        }
        return loss;
    }

    /** The forward pass to the softmax (its cross-entropy comes along, a few operations a sample). */
    @Override
    public double infer(int s) {
        int b = s % xs.length;
        return forward(xs[b], ys[b], buffers.computeIfAbsent(w.batch, k -> new Buffers(sizes, k)));
    }

    @Override
    public double evalLoss() {
        return forward(evalX, evalY, buffers.computeIfAbsent(w.evalCount, k -> new Buffers(sizes, k)));
    }

    private double forward(FMatrixRMaj x, FMatrixRMaj y, Buffers buf) {
        buf.a[0] = x;
        int n = x.numCols;
        int layers = sizes.length - 1;
        for (int l = 1; l <= layers; l++) {
            FMatrixRMaj z = buf.a[l];
            CommonOps_FDRM.mult(weights[l], buf.a[l - 1], z);
            float[] zd = z.data;
            float[] bd = biases[l].data;
            for (int i = 0; i < z.numRows; i++) {
                float bias = bd[i];
                for (int j = 0; j < n; j++) {
                    zd[i * n + j] += bias;
                }
            }
            if (l < layers) {
                activate(zd, z.getNumElements());
            }
        }
        FMatrixRMaj z = buf.a[layers];
        float[] zd = z.data;
        float[] yd = y.data;
        int classes = z.numRows;
        double total = 0;
        for (int j = 0; j < n; j++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < classes; i++) {
                max = Math.max(max, zd[i * n + j]);
            }
            float sum = 0;
            for (int i = 0; i < classes; i++) {
                sum += (float) Math.exp(zd[i * n + j] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int i = 0; i < classes; i++) {
                float logP = zd[i * n + j] - max - logSum;
                total -= yd[i * n + j] * logP;
                zd[i * n + j] = (float) Math.exp(logP);
            }
        }
        return total / n;
    }

    private void activate(float[] z, int size) {
        switch (w.activation) {
            case TANH -> {
                for (int i = 0; i < size; i++) {
                    z[i] = (float) Math.tanh(z[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    z[i] = (float) (1 / (1 + Math.exp(-z[i])));
                }
            }
            case RELU -> {
                for (int i = 0; i < size; i++) {
                    z[i] = Math.max(z[i], 0f);
                }
            }
        }
    }

    private void backward(FMatrixRMaj y, Buffers buf) {
        int layers = sizes.length - 1;
        int n = y.numCols;
        FMatrixRMaj top = buf.delta[layers];
        CommonOps_FDRM.subtract(buf.a[layers], y, top);
        CommonOps_FDRM.scale(1f / n, top);
        for (int l = layers; l >= 1; l--) {
            FMatrixRMaj delta = buf.delta[l];
            FMatrixRMaj prev = buf.a[l - 1];
            CommonOps_FDRM.multTransB(delta, prev, dW[l]);
            CommonOps_FDRM.sumRows(delta, db[l]);
            if (l > 1) {
                FMatrixRMaj below = buf.delta[l - 1];
                CommonOps_FDRM.multTransA(weights[l], delta, below);
                float[] d = below.data;
                float[] a = prev.data;
                int size = below.getNumElements();
                switch (w.activation) {
                    case TANH -> {
                        for (int i = 0; i < size; i++) {
                            d[i] *= 1 - a[i] * a[i];
                        }
                    }
                    case SIGMOID -> {
                        for (int i = 0; i < size; i++) {
                            d[i] *= a[i] * (1 - a[i]);
                        }
                    }
                    case RELU -> {
                        for (int i = 0; i < size; i++) {
                            if (a[i] <= 0) {
                                d[i] = 0;
                            }
                        }
                    }
                }
            }
        }
    }
}
