package deltac.runtime.kernels;

import org.ejml.data.DMatrixRMaj;

/**
 * One call from generated code into a {@link KernelOp}: the op and its argument shapes are fixed when the
 * site is made, the batch size is given per call. The matrices are allocated once per batch size; float
 * arrays are widened into them and the result narrowed back, double arrays are wrapped, not copied.
 *
 * <pre>{@code
 * FallbackSite site = new FallbackSite("LOG_SOFTMAX", 0, new int[] {10, -1}, new int[][] {{10, -1}});
 * site.run(out, z, null, n);                 // out (10×n) = logSoftmax(z)
 * }</pre>
 */
public final class FallbackSite {
    private final KernelOp op;
    private final Composite composite;
    private final double attr;
    private final int[] outShape;
    private final int[][] argShapes;
    private final DMatrixRMaj[] args;
    private final DMatrixRMaj out = new DMatrixRMaj(1, 1);
    private int batch = -1;

    /** Shapes are {rows, cols}, with -1 for the batch size n. */
    public FallbackSite(String op, double attr, int[] outShape, int[][] argShapes) {
        this.composite = Composite.named(op);
        this.op = composite == null ? KernelOp.valueOf(op) : null;
        this.attr = attr;
        this.outShape = outShape.clone();
        this.argShapes = argShapes.clone();
        this.args = new DMatrixRMaj[argShapes.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = new DMatrixRMaj(1, 1);
        }
    }

    private static int dim(int d, int n) {
        return d < 0 ? n : d;
    }

    private void reshape(int n) {
        if (n != batch) {
            for (int i = 0; i < args.length; i++) {
                args[i].reshape(dim(argShapes[i][0], n), dim(argShapes[i][1], n));
            }
            batch = n;
        }
    }

    /** result = the op of a (and b, for a binary op; else null), for a batch of n. */
    public void run(float[] result, float[] a, float[] b, int n) {
        reshape(n);
        widen(a, args[0]);
        if (args.length > 1) {
            widen(b, args[1]);
        }
        apply();
        int size = dim(outShape[0], n) * dim(outShape[1], n);
        for (int i = 0; i < size; i++) {
            result[i] = (float) out.data[i];
        }
    }

    /** result = the op of a (and b, for a binary op; else null), for a batch of n. */
    public void run(double[] result, double[] a, double[] b, int n) {
        reshape(n);
        System.arraycopy(a, 0, args[0].data, 0, args[0].getNumElements());
        if (args.length > 1) {
            System.arraycopy(b, 0, args[1].data, 0, args[1].getNumElements());
        }
        apply();
        System.arraycopy(out.data, 0, result, 0, dim(outShape[0], n) * dim(outShape[1], n));
    }

    private void apply() {
        if (composite == null) {
            op.apply(attr, args, out);
        } else {
            composite.apply(args, out);
        }
    }

    /**
     * The compositions the interpreter computes in one stable step, from the logits: cross-entropy of a softmax,
     * binary cross-entropy of a sigmoid, the log of a softmax.
     */
    private enum Composite {
        CROSS_ENTROPY_OF_SOFTMAX, BINARY_CROSS_ENTROPY_OF_SIGMOID, LOG_OF_SOFTMAX;

        static Composite named(String name) {
            for (Composite c : values()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }

        void apply(DMatrixRMaj[] in, DMatrixRMaj out) {
            switch (this) {
                case CROSS_ENTROPY_OF_SOFTMAX -> scalar(out, Kernels64.crossEntropyOfSoftmax(in[0], in[1]));
                case BINARY_CROSS_ENTROPY_OF_SIGMOID -> scalar(out, Kernels64.binaryCrossEntropyOfSigmoid(in[0], in[1]));
                case LOG_OF_SOFTMAX -> Kernels64.logSoftmax(in[0], out);
            }
        }

        private static void scalar(DMatrixRMaj out, double v) {
            out.reshape(1, 1);
            out.set(0, v);
        }
    }

    private static void widen(float[] from, DMatrixRMaj to) {
        int size = to.getNumElements();
        for (int i = 0; i < size; i++) {
            to.data[i] = from[i];
        }
    }
}
