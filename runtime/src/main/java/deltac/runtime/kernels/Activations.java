package deltac.runtime.kernels;

/**
 * Activations applied in place to a whole float32 buffer, which generated kernels call after computing the
 * pre-activations: on the Vector API ({@link VectorActivations}: its EXP and TANH run a vector of lanes at once,
 * about ten times the speed of a scalar {@code Math.exp} per entry), else scalar loops. Chosen once, as
 * {@link Gemm} chooses. Results agree with the scalar forms within a few float ulps.
 */
public final class Activations {
    private Activations() {}

    /** The Vector API implementation, or null. */
    private static final Kernel VECTOR = choose();

    interface Kernel {
        void sigmoid(float[] x, int length);

        void tanh(float[] x, int length);
    }

    private static Kernel choose() {
        if (!Gemm.simd()) {
            return null;
        }
        try {
            return (Kernel) Class.forName("deltac.runtime.kernels.VectorActivations").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** x[0, length) = 1 / (1 + e^−x), in place. */
    public static void sigmoid(float[] x, int length) {
        if (VECTOR != null) {
            VECTOR.sigmoid(x, length);
        } else {
            sigmoidScalar(x, 0, length);
        }
    }

    /** x[0, length) = tanh(x), in place. */
    public static void tanh(float[] x, int length) {
        if (VECTOR != null) {
            VECTOR.tanh(x, length);
        } else {
            tanhScalar(x, 0, length);
        }
    }

    static void sigmoidScalar(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
    }

    static void tanhScalar(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = (float) FastMath.tanh(x[i]);
        }
    }
}
