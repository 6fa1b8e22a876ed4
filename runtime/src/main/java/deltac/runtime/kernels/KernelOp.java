package deltac.runtime.kernels;

import org.ejml.data.DMatrixRMaj;

/**
 * Every operation as a float64 kernel on EJML matrices: the one place their arithmetic is written. The
 * reference interpreter evaluates with these, and generated code calls them (through {@link FallbackSite})
 * for what it does not specialize. The names are those of the IR's ops ({@code deltac.graph.Op}), one for one.
 */
public enum KernelOp {
    ADD, SUB, MATMUL, MATMUL_TN, MATMUL_NT, SCALE, DIVIDE, NEG, TRANSPOSE, HADAMARD,
    SIGMOID, TANH, RELU, LEAKY_RELU, EXP, LOG, SQUARE, SQRT, ABS, SOFTMAX, LOG_SOFTMAX,
    SUM, SUM_ROWS, SUM_COLS, MEAN, MSE, CROSS_ENTROPY, BINARY_CROSS_ENTROPY,
    SIGMOID_PRIME, TANH_PRIME, RELU_PRIME, LEAKY_RELU_PRIME, SIGN, COLS;

    /** out = this op of the arguments; {@code attr} is leakyRelu's alpha. Reshapes out. */
    public void apply(double attr, DMatrixRMaj[] in, DMatrixRMaj out) {
        DMatrixRMaj x = in[0];
        DMatrixRMaj y = in.length > 1 ? in[1] : null;
        switch (this) {
            case ADD -> Kernels64.add(x, y, out);
            case SUB -> Kernels64.sub(x, y, out);
            case MATMUL -> Kernels64.matmul(x, y, out);
            case MATMUL_TN -> Kernels64.matmulTN(x, y, out);
            case MATMUL_NT -> Kernels64.matmulNT(x, y, out);
            case SCALE -> Kernels64.scale(x, y, out);
            case DIVIDE -> Kernels64.divide(x, y, out);
            case NEG -> Kernels64.map(x, v -> -v, out);
            case TRANSPOSE -> Kernels64.transpose(x, out);
            case HADAMARD -> Kernels64.hadamard(x, y, out);
            case SIGMOID -> Kernels64.map(x, Kernels64::sigmoid, out);
            case TANH -> Kernels64.map(x, Math::tanh, out);
            case RELU -> Kernels64.map(x, Kernels64::relu, out);
            case LEAKY_RELU -> Kernels64.map(x, v -> Kernels64.leakyRelu(v, attr), out);
            case EXP -> Kernels64.map(x, Math::exp, out);
            case LOG -> Kernels64.map(x, Math::log, out);
            case SQUARE -> Kernels64.map(x, v -> v * v, out);
            case SQRT -> Kernels64.map(x, Math::sqrt, out);
            case ABS -> Kernels64.map(x, Math::abs, out);
            case SOFTMAX -> Kernels64.softmax(x, out);
            case LOG_SOFTMAX -> Kernels64.logSoftmax(x, out);
            case SUM -> scalar(out, Kernels64.sum(x));
            case SUM_ROWS -> Kernels64.sumRows(x, out);
            case SUM_COLS -> Kernels64.sumCols(x, out);
            case MEAN -> scalar(out, Kernels64.sum(x) / x.getNumElements());
            case MSE -> scalar(out, Kernels64.mse(x, y));
            case CROSS_ENTROPY -> scalar(out, Kernels64.crossEntropy(x, y));
            case BINARY_CROSS_ENTROPY -> scalar(out, Kernels64.binaryCrossEntropy(x, y));
            case SIGMOID_PRIME -> Kernels64.map(x, Kernels64::sigmoidPrime, out);
            case TANH_PRIME -> Kernels64.map(x, Kernels64::tanhPrime, out);
            case RELU_PRIME -> Kernels64.map(x, Kernels64::step, out);
            case LEAKY_RELU_PRIME -> Kernels64.map(x, v -> Kernels64.leakyReluPrime(v, attr), out);
            case SIGN -> Kernels64.map(x, Math::signum, out);
            case COLS -> scalar(out, x.numCols);
        }
    }

    private static void scalar(DMatrixRMaj out, double value) {
        out.reshape(1, 1);
        out.set(0, value);
    }
}
