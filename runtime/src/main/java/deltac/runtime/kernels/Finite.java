package deltac.runtime.kernels;

/**
 * Whether a buffer holds only finite values: the training loop asks it of every gradient after every step, so it
 * runs on the Vector API where it can ({@link VectorFinite}), else as a scalar loop. Chosen once, as {@link Gemm}
 * chooses.
 */
public final class Finite {
    private Finite() {}

    /** Below this length the scalar loop is faster: no vectors to set up and reduce. */
    private static final int SHORT = 64;

    /** The Vector API implementation, or null. */
    private static final Kernel VECTOR = choose();

    interface Kernel {
        boolean all(float[] x);
    }

    private static Kernel choose() {
        if (!Gemm.simd()) {
            return null;
        }
        try {
            return (Kernel) Class.forName("deltac.runtime.kernels.VectorFinite").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Whether {@link #all(float[])} runs on the Vector API. */
    static boolean vectorized() {
        return VECTOR != null;
    }

    /** True when no entry of x is NaN or ±∞. */
    public static boolean all(float[] x) {
        return VECTOR != null && x.length >= SHORT ? VECTOR.all(x) : allScalar(x, 0);
    }

    /** True when no entry of x is NaN or ±∞. */
    public static boolean all(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean allScalar(float[] x, int from) {
        for (int i = from; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }
}
