package deltac.runtime.kernels;

/**
 * The scalar twin of {@link VectorGemm}, for JVMs without the Vector API: the i-k-j order, whose innermost loop
 * is an axpy along a row of b and of c that C2 auto-vectorizes.
 */
final class ScalarGemm implements GemmKernel {
    @Override
    public void multiply(float[] a, int aOff, int rs, int cs, float[] b, int bOff, int brs, int bcs,
                         float[] c, int cOff, int ldc, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            java.util.Arrays.fill(c, row, row + n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * rs + p * cs];
                int brow = bOff + p * brs;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j * bcs];
                }
            }
        }
    }

    @Override
    public void multiply(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int brs, int bcs,
                         double[] c, int cOff, int ldc, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            java.util.Arrays.fill(c, row, row + n, 0d);
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * rs + p * cs];
                int brow = bOff + p * brs;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j * bcs];
                }
            }
        }
    }
}
