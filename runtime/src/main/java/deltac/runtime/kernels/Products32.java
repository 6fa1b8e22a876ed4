package deltac.runtime.kernels;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * One product of float64 matrices computed in float32, on EJML's float kernels: the operands narrowed, multiplied,
 * the result widened. For a float32 trainer on the EJML engine, whose parameters and inputs are floats anyway,
 * so the product loses nothing they had; EJML's float products move half the bytes and run twice the lanes.
 * Products below {@link #FLOAT_MACS} multiply-adds are best left float64 ({@link #worthNarrowing}): there the copies
 * would cost more than the narrower arithmetic saves. Keeps its float buffers between calls (one instance per
 * product in a plan).
 */
public final class Products32 {
    /** The smallest product, in multiply-adds, worth narrowing. */
    static final long FLOAT_MACS = 1 << 15;

    private final KernelOp op;
    private final FMatrixRMaj a = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj b = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj c = new FMatrixRMaj(1, 1);

    /** @param op MATMUL, MATMUL_TN or MATMUL_NT */
    public Products32(KernelOp op) {
        if (op != KernelOp.MATMUL && op != KernelOp.MATMUL_TN && op != KernelOp.MATMUL_NT) {
            throw new IllegalArgumentException(op + " is not a product");
        }
        this.op = op;
    }

    /** Whether a product of this many multiply-adds is worth computing in float32. */
    public static boolean worthNarrowing(long multiplyAdds) {
        return multiplyAdds >= FLOAT_MACS;
    }

    /** out = op(in[0], in[1]) in float32, whatever its size; reshapes out. */
    public void apply(DMatrixRMaj[] in, DMatrixRMaj out) {
        DMatrixRMaj x = in[0];
        DMatrixRMaj y = in[1];
        narrow(x, a);
        narrow(y, b);
        switch (op) {
            case MATMUL -> {
                c.reshape(x.numRows, y.numCols);
                CommonOps_FDRM.mult(a, b, c);
            }
            case MATMUL_TN -> {
                c.reshape(x.numCols, y.numCols);
                CommonOps_FDRM.multTransA(a, b, c);
            }
            default -> {
                c.reshape(x.numRows, y.numRows);
                CommonOps_FDRM.multTransB(a, b, c);
            }
        }
        out.reshape(c.numRows, c.numCols);
        float[] from = c.data;
        double[] to = out.data;
        for (int i = 0; i < c.getNumElements(); i++) {
            to[i] = from[i];
        }
    }

    private static void narrow(DMatrixRMaj from, FMatrixRMaj to) {
        to.reshape(from.numRows, from.numCols);
        double[] source = from.data;
        float[] target = to.data;
        for (int i = 0; i < from.getNumElements(); i++) {
            target[i] = (float) source[i];
        }
    }
}
