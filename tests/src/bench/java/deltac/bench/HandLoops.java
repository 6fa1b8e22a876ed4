package deltac.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Backpropagation in plain Java loops over float arrays, as one would write it by hand from the textbook, for any
 * of the workloads' multilayer perceptrons: zˡ = Wˡ aˡ⁻¹ + bˡ, aˡ = f(zˡ), softmax last; δᴸ = (aᴸ − y)/n,
 * δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹ ⊙ f′(zˡ), ∂C/∂Wˡ = δˡ (aˡ⁻¹)ᵀ, ∂C/∂bˡ = δˡ 1; then p ← p − η ∂C/∂p. The layout is deltac's: a
 * batch is a features × n matrix, row-major, a column per sample. Products are i-k-j loops (the inner loop runs
 * along a row, which the JIT vectorizes); ∂C/∂W is a dot product per entry. Nothing is allocated per step.
 */
final class HandLoops implements Contestant {
    private BenchData data;
    private Workload w;
    private int[] sizes;
    private float lr;
    private float[][] weights;
    private float[][] biases;
    private float[][] dW;
    private float[][] db;
    private float[][] xs;
    private float[][] ys;
    private float[] evalX;
    private float[] evalY;
    private final Map<Integer, Buffers> buffers = new HashMap<>();

    @Override
    public String title() {
        return "hand-written Java loops f32";
    }

    @Override
    public String details() {
        return "JDK " + Runtime.version().feature();
    }

    /** Activations and deltas for one batch size: a[0] is the input, a[L] the softmax. */
    private static final class Buffers {
        final float[][] a;
        final float[][] delta;

        Buffers(int[] sizes, int n) {
            a = new float[sizes.length][];
            delta = new float[sizes.length][];
            for (int l = 1; l < sizes.length; l++) {
                a[l] = new float[sizes[l] * n];
                delta[l] = new float[sizes[l] * n];
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
        weights = new float[layers + 1][];
        biases = new float[layers + 1][];
        dW = new float[layers + 1][];
        db = new float[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            weights[l] = new float[sizes[l] * sizes[l - 1]];
            biases[l] = new float[sizes[l]];
            dW[l] = new float[weights[l].length];
            db[l] = new float[sizes[l]];
        }
        int spe = data.stepsPerEpoch();
        xs = new float[spe][w.inputs() * w.batch];
        ys = new float[spe][w.classes() * w.batch];
        for (int s = 0; s < spe; s++) {
            data.columns(s, xs[s], ys[s]);
        }
        evalX = new float[w.inputs() * w.evalCount];
        evalY = new float[w.classes() * w.evalCount];
        data.evalColumns(evalX, evalY);
        reset();
    }

    @Override
    public void reset() {
        for (int l = 1; l <= w.layers(); l++) {
            System.arraycopy(data.init.get("W" + l), 0, weights[l], 0, weights[l].length);
            System.arraycopy(data.init.get("b" + l), 0, biases[l], 0, biases[l].length);
        }
    }

    @Override
    public double step(int s) {
        int b = s % xs.length;
        int n = w.batch;
        Buffers buf = buffers.computeIfAbsent(n, k -> new Buffers(sizes, k));
        double loss = forward(xs[b], ys[b], n, buf);
        backward(ys[b], n, buf);
        for (int l = 1; l <= w.layers(); l++) {
            float[] p = weights[l];
            float[] g = dW[l];
            for (int i = 0; i < p.length; i++) {
                p[i] -= lr * g[i];
            }
            p = biases[l];
            g = db[l];
            for (int i = 0; i < p.length; i++) {
                p[i] -= lr * g[i];
            }
        }
        return loss;
    }

    /** The forward pass to the softmax (its cross-entropy comes along, a few operations a sample). */
    @Override
    public double infer(int s) {
        int b = s % xs.length;
        return forward(xs[b], ys[b], w.batch, buffers.computeIfAbsent(w.batch, k -> new Buffers(sizes, k)));
    }

    @Override
    public double evalLoss() {
        int n = w.evalCount;
        return forward(evalX, evalY, n, buffers.computeIfAbsent(n, k -> new Buffers(sizes, k)));
    }

    /** Fills the activations; the last layer's become the softmax. Returns the mean cross-entropy. */
    private double forward(float[] x, float[] y, int n, Buffers buf) {
        buf.a[0] = x;
        int layers = sizes.length - 1;
        for (int l = 1; l <= layers; l++) {
            int out = sizes[l];
            int in = sizes[l - 1];
            float[] wl = weights[l];
            float[] bl = biases[l];
            float[] prev = buf.a[l - 1];
            float[] z = buf.a[l];
            for (int i = 0; i < out; i++) {
                int row = i * n;
                float bias = bl[i];
                for (int j = 0; j < n; j++) {
                    z[row + j] = bias;
                }
                for (int k = 0; k < in; k++) {
                    float wik = wl[i * in + k];
                    int src = k * n;
                    for (int j = 0; j < n; j++) {
                        z[row + j] += wik * prev[src + j];
                    }
                }
            }
            if (l < layers) {
                activate(z);
            }
        }
        // softmax per column, and the cross-entropy from the log-probabilities
        float[] z = buf.a[layers];
        int classes = sizes[layers];
        double total = 0;
        for (int j = 0; j < n; j++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < classes; i++) {
                max = Math.max(max, z[i * n + j]);
            }
            float sum = 0;
            for (int i = 0; i < classes; i++) {
                sum += (float) Math.exp(z[i * n + j] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int i = 0; i < classes; i++) {
                float logP = z[i * n + j] - max - logSum;
                total -= y[i * n + j] * logP;
                z[i * n + j] = (float) Math.exp(logP);
            }
        }
        return total / n;
    }

    private void activate(float[] z) {
        switch (w.activation) {
            case TANH -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) Math.tanh(z[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) (1 / (1 + Math.exp(-z[i])));
                }
            }
            case RELU -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = Math.max(z[i], 0f);
                }
            }
        }
    }

    private void backward(float[] y, int n, Buffers buf) {
        int layers = sizes.length - 1;
        float[] top = buf.delta[layers];
        float[] p = buf.a[layers];
        float inv = 1f / n;
        for (int i = 0; i < top.length; i++) {
            top[i] = (p[i] - y[i]) * inv;
        }
        for (int l = layers; l >= 1; l--) {
            int out = sizes[l];
            int in = sizes[l - 1];
            float[] delta = buf.delta[l];
            float[] prev = buf.a[l - 1];
            float[] g = dW[l];
            float[] gb = db[l];
            for (int i = 0; i < out; i++) {
                int row = i * n;
                float sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += delta[row + j];
                }
                gb[i] = sum;
                for (int k = 0; k < in; k++) {
                    int src = k * n;
                    float dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += delta[row + j] * prev[src + j];
                    }
                    g[i * in + k] = dot;
                }
            }
            if (l > 1) {
                float[] wl = weights[l];
                float[] below = buf.delta[l - 1];
                java.util.Arrays.fill(below, 0f);
                for (int i = 0; i < out; i++) {
                    int row = i * n;
                    for (int k = 0; k < in; k++) {
                        float wik = wl[i * in + k];
                        int dst = k * n;
                        for (int j = 0; j < n; j++) {
                            below[dst + j] += wik * delta[row + j];
                        }
                    }
                }
                // ⊙ f′(z), from the stored activation a = f(z)
                switch (w.activation) {
                    case TANH -> {
                        for (int i = 0; i < below.length; i++) {
                            below[i] *= 1 - prev[i] * prev[i];
                        }
                    }
                    case SIGMOID -> {
                        for (int i = 0; i < below.length; i++) {
                            below[i] *= prev[i] * (1 - prev[i]);
                        }
                    }
                    case RELU -> {
                        for (int i = 0; i < below.length; i++) {
                            if (prev[i] <= 0) {
                                below[i] = 0;
                            }
                        }
                    }
                }
            }
        }
    }
}
