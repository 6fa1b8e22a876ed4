package deltac.runtime.kernels;

import org.ejml.data.DMatrixRMaj;

/**
 * Every operation as a float64 kernel on EJML matrices: the one place their arithmetic is written. The
 * reference interpreter evaluates with these, and generated code calls them (through {@link FallbackSite})
 * for what it does not specialize. The names are those of the IR's ops ({@code deltac.graph.Op}), one for one.
 */
public enum KernelOp {
    ADD((attr, in, out) -> Kernels64.add(in[0], in[1], out)),
    SUB((attr, in, out) -> Kernels64.sub(in[0], in[1], out)),
    MATMUL((attr, in, out) -> Kernels64.matmul(in[0], in[1], out)),
    MATMUL_TN((attr, in, out) -> Kernels64.matmulTN(in[0], in[1], out)),
    MATMUL_NT((attr, in, out) -> Kernels64.matmulNT(in[0], in[1], out)),
    SCALE((attr, in, out) -> Kernels64.scale(in[0], in[1], out)),
    DIVIDE((attr, in, out) -> Kernels64.divide(in[0], in[1], out)),
    NEG((attr, in, out) -> Kernels64.map(in[0], v -> -v, out)),
    TRANSPOSE((attr, in, out) -> Kernels64.transpose(in[0], out)),
    HADAMARD((attr, in, out) -> Kernels64.hadamard(in[0], in[1], out)),
    SIGMOID((attr, in, out) -> Kernels64.map(in[0], Kernels64::sigmoid, out)),
    TANH((attr, in, out) -> Kernels64.map(in[0], FastMath::tanh, out)),
    RELU((attr, in, out) -> Kernels64.map(in[0], Kernels64::relu, out)),
    LEAKY_RELU((attr, in, out) -> Kernels64.map(in[0], v -> Kernels64.leakyRelu(v, attr), out)),
    EXP((attr, in, out) -> Kernels64.map(in[0], Math::exp, out)),
    LOG((attr, in, out) -> Kernels64.map(in[0], Math::log, out)),
    SQUARE((attr, in, out) -> Kernels64.map(in[0], v -> v * v, out)),
    SQRT((attr, in, out) -> Kernels64.map(in[0], Math::sqrt, out)),
    ABS((attr, in, out) -> Kernels64.map(in[0], Math::abs, out)),
    SOFTMAX((attr, in, out) -> Kernels64.softmax(in[0], out)),
    LOG_SOFTMAX((attr, in, out) -> Kernels64.logSoftmax(in[0], out)),
    SUM((attr, in, out) -> scalar(out, Kernels64.sum(in[0]))),
    SUM_ROWS((attr, in, out) -> Kernels64.sumRows(in[0], out)),
    SUM_COLS((attr, in, out) -> Kernels64.sumCols(in[0], out)),
    MEAN((attr, in, out) -> scalar(out, Kernels64.sum(in[0]) / in[0].getNumElements())),
    MSE((attr, in, out) -> scalar(out, Kernels64.mse(in[0], in[1]))),
    CROSS_ENTROPY((attr, in, out) -> scalar(out, Kernels64.crossEntropy(in[0], in[1]))),
    BINARY_CROSS_ENTROPY((attr, in, out) -> scalar(out, Kernels64.binaryCrossEntropy(in[0], in[1]))),
    SIGMOID_PRIME((attr, in, out) -> Kernels64.map(in[0], Kernels64::sigmoidPrime, out)),
    TANH_PRIME((attr, in, out) -> Kernels64.map(in[0], Kernels64::tanhPrime, out)),
    RELU_PRIME((attr, in, out) -> Kernels64.map(in[0], Kernels64::step, out)),
    LEAKY_RELU_PRIME((attr, in, out) -> Kernels64.map(in[0], v -> Kernels64.leakyReluPrime(v, attr), out)),
    SIGN((attr, in, out) -> Kernels64.map(in[0], Math::signum, out)),
    COLS((attr, in, out) -> scalar(out, in[0].numCols));

    private final Body body;

    KernelOp(Body body) {
        this.body = body;
    }

    /** out = this op of the arguments; {@code attr} is leakyRelu's alpha. Reshapes out. */
    public void apply(double attr, DMatrixRMaj[] in, DMatrixRMaj out) {
        body.apply(attr, in, out);
    }

    /**
     * An op's arithmetic. One small method per op rather than one switch over all of them: each is compiled on its
     * own, with its element function inlined, where one large switch left the JIT's inlining to chance.
     */
    @FunctionalInterface
    private interface Body {
        void apply(double attr, DMatrixRMaj[] in, DMatrixRMaj out);
    }

    private static void scalar(DMatrixRMaj out, double value) {
        out.reshape(1, 1);
        out.set(0, value);
    }
}
