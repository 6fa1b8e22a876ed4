package deltac.runtime.kernels;

/** The products on the Vector API; loaded only when the JVM has {@code jdk.incubator.vector} (see {@link Gemm}). */
final class VectorGemm implements GemmKernel {
    @Override
    public void multiply(float[] a, int aOff, int rs, int cs, float[] b, int bOff, int brs, int bcs,
                         float[] c, int cOff, int ldc, int m, int k, int n) {
        VectorGemmF.multiply(a, aOff, rs, cs, b, bOff, brs, bcs, c, cOff, ldc, m, k, n);
    }

    @Override
    public void multiply(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int brs, int bcs,
                         double[] c, int cOff, int ldc, int m, int k, int n) {
        VectorGemmD.multiply(a, aOff, rs, cs, b, bOff, brs, bcs, c, cOff, ldc, m, k, n);
    }
}
