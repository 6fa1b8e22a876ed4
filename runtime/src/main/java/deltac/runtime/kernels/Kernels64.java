package deltac.runtime.kernels;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The float64 kernels. Broadcasting follows the spec language: a scalar (1×1) broadcasts over any shape, and a
 * column (r×1) over the columns of an r×c matrix. The losses average over the columns (the samples).
 */
public final class Kernels64 {
    private Kernels64() {}

    /** The most negative value a log term may take in a loss, as PyTorch's BCELoss clamps it: keeps log 0 finite. */
    public static final double LOG_FLOOR = -100;

    /** out = a b */
    public static void matmul(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out.reshape(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
    }

    /** out = aᵀ b */
    public static void matmulTN(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out.reshape(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, out);
    }

    /** out = a bᵀ */
    public static void matmulNT(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out.reshape(a.numRows, b.numRows);
        if (a.numCols == 1) {
            outer(a.data, b.data, out); // δ aᵀ for one sample: EJML would run a dot product of length 1 per entry
        } else {
            CommonOps_DDRM.multTransB(a, b, out);
        }
    }

    /** out = a bᵀ for columns a and b. */
    private static void outer(double[] a, double[] b, DMatrixRMaj out) {
        int cols = out.numCols;
        for (int i = 0; i < out.numRows; i++) {
            double v = a[i];
            for (int j = 0; j < cols; j++) {
                out.data[i * cols + j] = v * b[j];
            }
        }
    }

    /** out = aᵀ */
    public static void transpose(DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, out);
    }

    /** out = s a, where s is 1×1 */
    public static void scale(DMatrixRMaj s, DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(a.numRows, a.numCols);
        CommonOps_DDRM.scale(s.get(0), a, out);
    }

    /** An element-wise binary operation. */
    @FunctionalInterface
    public interface Binary {
        double apply(double a, double b);
    }

    /** An element-wise function. */
    @FunctionalInterface
    public interface Unary {
        double apply(double a);
    }

    /** out = a ∘ b element-wise, with a scalar or a column on either side broadcast. */
    public static void broadcast(DMatrixRMaj a, DMatrixRMaj b, Binary op, DMatrixRMaj out) {
        int rows = Math.max(a.numRows, b.numRows);
        int cols = Math.max(a.numCols, b.numCols);
        checkBroadcast(a, rows, cols);
        checkBroadcast(b, rows, cols);
        out.reshape(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.data[i * cols + j] = op.apply(at(a, i, j), at(b, i, j));
            }
        }
    }

    private static void checkBroadcast(DMatrixRMaj m, int rows, int cols) {
        boolean ok = (m.numRows == rows || m.numRows == 1) && (m.numCols == cols || m.numCols == 1)
                && !(m.numRows == 1 && m.numCols == cols && rows > 1 && cols > 1);
        if (!ok) {
            throw new IllegalArgumentException("cannot broadcast " + m.numRows + "×" + m.numCols + " to "
                    + rows + "×" + cols);
        }
    }

    private static double at(DMatrixRMaj m, int i, int j) {
        return m.data[(m.numRows == 1 ? 0 : i) * m.numCols + (m.numCols == 1 ? 0 : j)];
    }

    public static void add(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (sameShape(a, b)) {
            out.reshape(a.numRows, a.numCols);
            CommonOps_DDRM.add(a, b, out);
        } else if (b.numCols == 1 && a.numRows == b.numRows) {
            addColumn(a, b, out); // a bias: the common case, without the general loop's per-entry indexing
        } else {
            broadcast(a, b, Double::sum, out);
        }
    }

    public static void sub(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (sameShape(a, b)) {
            out.reshape(a.numRows, a.numCols);
            CommonOps_DDRM.subtract(a, b, out);
        } else if (a.getNumElements() == 1) {
            out.reshape(b.numRows, b.numCols);
            CommonOps_DDRM.subtract(a.data[0], b, out); // 1 − a²: σ′ from the stored activation
        } else {
            broadcast(a, b, (x, y) -> x - y, out);
        }
    }

    private static boolean sameShape(DMatrixRMaj a, DMatrixRMaj b) {
        return a.numRows == b.numRows && a.numCols == b.numCols;
    }

    /** out = a + column, the column added to every column of a. */
    private static void addColumn(DMatrixRMaj a, DMatrixRMaj column, DMatrixRMaj out) {
        out.reshape(a.numRows, a.numCols);
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double v = column.data[i];
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[row + j] = a.data[row + j] + v;
            }
        }
    }

    public static void divide(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (b.getNumElements() == 1) {
            out.reshape(a.numRows, a.numCols);
            CommonOps_DDRM.divide(a, b.data[0], out); // 1/n, and anything over a scalar
            return;
        }
        broadcast(a, b, (x, y) -> x / y, out);
    }

    /** out = a ⊙ b (same shapes) */
    public static void hadamard(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        out.reshape(a.numRows, a.numCols);
        CommonOps_DDRM.elementMult(a, b, out);
    }

    public static void map(DMatrixRMaj a, Unary f, DMatrixRMaj out) {
        out.reshape(a.numRows, a.numCols);
        for (int i = 0; i < a.getNumElements(); i++) {
            out.data[i] = f.apply(a.data[i]);
        }
    }

    /** The logistic function, evaluated so that neither branch overflows. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + eˣ) without overflow. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    public static double sigmoidPrime(double x) {
        double s = sigmoid(x);
        return s * (1 - s);
    }

    public static double tanhPrime(double x) {
        double t = FastMath.tanh(x);
        return 1 - t * t;
    }

    public static double relu(double x) {
        return x > 0 ? x : 0;
    }

    /** The step function, relu's derivative (0 at 0). */
    public static double step(double x) {
        return x > 0 ? 1 : 0;
    }

    public static double leakyRelu(double x, double alpha) {
        return x > 0 ? x : alpha * x;
    }

    public static double leakyReluPrime(double x, double alpha) {
        return x > 0 ? 1 : alpha;
    }

    /** Softmax of each column, shifted by the column's maximum so that exp never overflows. */
    public static void softmax(DMatrixRMaj a, DMatrixRMaj out) {
        logSoftmax(a, out);
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = Math.exp(out.data[i]);
        }
    }

    /** log softmax of each column: x − max − log Σ exp(x − max). */
    public static void logSoftmax(DMatrixRMaj a, DMatrixRMaj out) {
        int rows = a.numRows;
        int cols = a.numCols;
        out.reshape(rows, cols);
        for (int j = 0; j < cols; j++) {
            double max = max(a, j);
            double logSum = logSumExp(a, j, max);
            for (int i = 0; i < rows; i++) {
                out.data[i * cols + j] = (a.data[i * cols + j] - max) - logSum;
            }
        }
    }

    private static double max(DMatrixRMaj a, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.numRows; i++) {
            max = Math.max(max, a.data[i * a.numCols + j]);
        }
        return max;
    }

    /**
     * log Σ exp(x − max) over column j. Callers subtract max and this separately: max + this, rounded first,
     * would cost up to half an ulp of max.
     */
    private static double logSumExp(DMatrixRMaj a, int j, double max) {
        double sum = 0;
        for (int i = 0; i < a.numRows; i++) {
            sum += Math.exp(a.data[i * a.numCols + j] - max);
        }
        return Math.log(sum);
    }

    public static double sum(DMatrixRMaj a) {
        return CommonOps_DDRM.elementSum(a);
    }

    /** out (rows×1) = each row summed over its columns */
    public static void sumRows(DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(a.numRows, 1);
        CommonOps_DDRM.sumRows(a, out);
    }

    /** out (1×cols) = each column summed over its rows */
    public static void sumCols(DMatrixRMaj a, DMatrixRMaj out) {
        out.reshape(1, a.numCols);
        CommonOps_DDRM.sumCols(a, out);
    }

    /** (1/n) Σ ½ (a − y)², n = the columns */
    public static double mse(DMatrixRMaj a, DMatrixRMaj y) {
        double total = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double d = a.data[i] - y.data[i];
            total += d * d;
        }
        return 0.5 * total / a.numCols;
    }

    /** −(1/n) Σ y log p, each log clamped at {@link #LOG_FLOOR}; entries with y = 0 add nothing. */
    public static double crossEntropy(DMatrixRMaj p, DMatrixRMaj y) {
        double total = 0;
        for (int i = 0; i < p.getNumElements(); i++) {
            if (y.data[i] != 0) {
                total += y.data[i] * clampedLog(p.data[i]);
            }
        }
        return -total / p.numCols;
    }

    /** crossEntropy(softmax(z), y) from the logits z, through log softmax: finite for any finite z. */
    public static double crossEntropyOfSoftmax(DMatrixRMaj z, DMatrixRMaj y) {
        int rows = z.numRows;
        int cols = z.numCols;
        double total = 0;
        for (int j = 0; j < cols; j++) {
            double max = max(z, j);
            double logSum = logSumExp(z, j, max);
            for (int i = 0; i < rows; i++) {
                double t = y.data[i * cols + j];
                if (t != 0) {
                    total += t * ((z.data[i * cols + j] - max) - logSum);
                }
            }
        }
        return -total / cols;
    }

    /** −(1/n) Σ [y log p + (1 − y) log(1 − p)], logs clamped at {@link #LOG_FLOOR}. */
    public static double binaryCrossEntropy(DMatrixRMaj p, DMatrixRMaj y) {
        double total = 0;
        for (int i = 0; i < p.getNumElements(); i++) {
            double t = y.data[i];
            double v = p.data[i];
            total += (t == 0 ? 0 : t * clampedLog(v)) + (t == 1 ? 0 : (1 - t) * Math.max(Math.log1p(-v), LOG_FLOOR));
        }
        return -total / p.numCols;
    }

    /** binaryCrossEntropy(sigmoid(z), y) from the logits z: y softplus(−z) + (1 − y) softplus(z), averaged. */
    public static double binaryCrossEntropyOfSigmoid(DMatrixRMaj z, DMatrixRMaj y) {
        double total = 0;
        for (int i = 0; i < z.getNumElements(); i++) {
            double t = y.data[i];
            total += t * softplus(-z.data[i]) + (1 - t) * softplus(z.data[i]);
        }
        return total / z.numCols;
    }

    private static double clampedLog(double p) {
        return Math.max(Math.log(p), LOG_FLOOR);
    }
}
