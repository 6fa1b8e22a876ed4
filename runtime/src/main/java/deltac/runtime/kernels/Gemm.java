package deltac.runtime.kernels;

/**
 * The matrix product generated code calls: {@code c (m × n) = op(a) b}, row-major, op(a) = a (m × k) or the
 * transpose of a stored k × m. On a JVM started with {@code --add-modules jdk.incubator.vector} it runs on the
 * Vector API ({@link VectorGemm}, register-blocked fused multiply-adds); otherwise, or with
 * {@code -Ddeltac.simd=false}, on its scalar twin. The choice is made once, when this class loads.
 */
public final class Gemm {
    private Gemm() {}

    private static final GemmKernel KERNEL = choose();

    private static GemmKernel choose() {
        boolean wanted = !"false".equals(System.getProperty("deltac.simd"));
        if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (GemmKernel) Class.forName("deltac.runtime.kernels.VectorGemm").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarGemm();
            }
        }
        return new ScalarGemm();
    }

    /** Whether products run on the Vector API in this JVM. */
    public static boolean simd() {
        return !(KERNEL instanceof ScalarGemm);
    }

    /** c = op(a) b; overwrites c. */
    public static void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        KERNEL.multiply(a, transA, b, c, m, k, n);
    }

    /** c = op(a) b; overwrites c. */
    public static void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n) {
        KERNEL.multiply(a, transA, b, c, m, k, n);
    }

    /** The scalar twin, always: for tests and for comparing the two. */
    public static void multiplyScalar(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        new ScalarGemm().multiply(a, transA, b, c, m, k, n);
    }
}
