package deltac.runtime.train;

import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * A hand-written trainer for the tests: p = softmax(W x + b), loss = −(1/n) Σ yᵀ log p, so
 * ∂C/∂W = (p − y) xᵀ / n and ∂C/∂b = Σ_columns (p − y) / n. Computes in double whatever its precision; parameters
 * and gradients live in the precision's arrays, as a generated trainer's would.
 */
final class SoftmaxRegression extends XyTrainer {

    private final Precision precision;
    private final int inputs;
    private final int classes;
    private final Tensor w;
    private final Tensor b;
    private final Tensor dw;
    private final Tensor db;

    SoftmaxRegression(Precision precision, int inputs, int classes) {
        super(inputs, classes, classes);
        this.precision = precision;
        this.inputs = inputs;
        this.classes = classes;
        this.w = tensor("W", classes, inputs);
        this.b = tensor("b", classes, 1);
        this.dw = tensor("W", classes, inputs);
        this.db = tensor("b", classes, 1);
    }

    private Tensor tensor(String name, int rows, int cols) {
        return precision == Precision.F32
                ? Tensor.of(name, rows, cols, new float[rows * cols])
                : Tensor.of(name, rows, cols, new double[rows * cols]);
    }

    @Override public String name() { return "SoftmaxRegression"; }
    @Override public Precision precision() { return precision; }
    @Override public List<Tensor> parameters() { return List.of(w, b); }
    @Override public List<Tensor> gradients() { return List.of(dw, db); }

    private static double[] wide(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** Class probabilities, classes × n. */
    private double[] probabilities(double[] x, int n) {
        double[] wv = w.asF64();
        double[] bv = b.asF64();
        double[] p = new double[classes * n];
        for (int j = 0; j < n; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double z = bv[k];
                for (int i = 0; i < inputs; i++) {
                    z += wv[k * inputs + i] * x[i * n + j];
                }
                p[k * n + j] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(p[k * n + j] - max);
                p[k * n + j] = e;
                sum += e;
            }
            for (int k = 0; k < classes; k++) {
                p[k * n + j] /= sum;
            }
        }
        return p;
    }

    private static double crossEntropy(double[] p, double[] y, int n) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (y[i] != 0) {
                sum -= y[i] * Math.log(p[i]);
            }
        }
        return sum / n;
    }

        public double computeGradients(double[] x, double[] y, int n) {
        double[] p = probabilities(x, n);
        double[] gw = new double[classes * inputs];
        double[] gb = new double[classes];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < n; j++) {
                double delta = (p[k * n + j] - y[k * n + j]) / n;
                gb[k] += delta;
                for (int i = 0; i < inputs; i++) {
                    gw[k * inputs + i] += delta * x[i * n + j];
                }
            }
        }
        store(gw, dw);
        store(gb, db);
        return crossEntropy(p, y, n);
    }

    private static void store(double[] from, Tensor to) {
        for (int i = 0; i < from.length; i++) {
            if (to.f32() != null) {
                to.f32()[i] = (float) from[i];
            } else {
                to.f64()[i] = from[i];
            }
        }
    }

        public double computeGradients(float[] x, float[] y, int n) {
        return computeGradients(wide(x), wide(y), n);
    }

        public double loss(double[] x, double[] y, int n) {
        return crossEntropy(probabilities(x, n), y, n);
    }

        public double loss(float[] x, float[] y, int n) {
        return loss(wide(x), wide(y), n);
    }

        public void predict(double[] x, int n, double[] out) {
        System.arraycopy(probabilities(x, n), 0, out, 0, classes * n);
    }

        public void predict(float[] x, int n, float[] out) {
        double[] p = probabilities(wide(x), n);
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) p[i];
        }
    }
}
