package deltac.runtime.kernels;

/**
 * The matrix product generated code calls: {@code c (m × n) = op(a) b}, row-major, op(a) = a (m × k) or the
 * transpose of a stored k × m. On a JVM started with {@code --add-modules jdk.incubator.vector} it runs on the
 * Vector API ({@link VectorGemmF}: packed, cache-blocked and register-blocked fused multiply-adds); otherwise,
 * or with {@code -Ddeltac.simd=false}, on its scalar twin. The choice is made once, when this class loads.
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

    /** Float lanes of the vectors products run on: 16 with AVX-512, 8 with AVX2; 1 on the scalar loops. */
    public static int floatLanes() {
        return simd() ? VectorGemmF.LANES : 1;
    }

    /** c = op(a) b; overwrites c. Large products are split between the cores ({@link GemmThreads}). */
    public static void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        multiply(a, transA, b, false, c, m, k, n);
    }

    /**
     * c (m × n) = op(a) op(b); overwrites c. op(b) is b (k × n) or, when {@code transB}, the transpose of a stored
     * n × k, read in place: no transposed copy is made.
     */
    public static void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int k, int n) {
        // a[i, p] at i rs + p cs and b[p, j] at p brs + j bcs: one index formula for an operand and its transpose
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        int brs = transB ? 1 : n;
        int bcs = transB ? k : 1;
        if (!GemmThreads.multiply(KERNEL, a, rs, cs, b, brs, bcs, c, m, k, n)) {
            KERNEL.multiply(a, 0, rs, cs, b, 0, brs, bcs, c, 0, n, m, k, n);
        }
    }

    /** c = op(a) b; overwrites c. */
    public static void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n) {
        multiply(a, transA, b, false, c, m, k, n);
    }

    /** c = op(a) op(b); overwrites c. */
    public static void multiply(double[] a, boolean transA, double[] b, boolean transB, double[] c, int m, int k, int n) {
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        int brs = transB ? 1 : n;
        int bcs = transB ? k : 1;
        if (!GemmThreads.multiply(KERNEL, a, rs, cs, b, brs, bcs, c, m, k, n)) {
            KERNEL.multiply(a, 0, rs, cs, b, 0, brs, bcs, c, 0, n, m, k, n);
        }
    }

    /** How many threads a large product uses in this JVM. */
    public static int threads() {
        return GemmThreads.threads();
    }
}
