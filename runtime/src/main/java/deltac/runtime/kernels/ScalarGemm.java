package deltac.runtime.kernels;

/**
 * The scalar twin of {@link VectorGemm}, for JVMs without the Vector API: the i-k-j order, whose innermost loop
 * is an axpy along a row of b and of c that C2 auto-vectorizes.
 */
final class ScalarGemm implements GemmKernel {
    @Override
    public void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] = 0;
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * m + i] : a[i * k + p];
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j];
                }
            }
        }
    }

    @Override
    public void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] = 0;
            }
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[p * m + i] : a[i * k + p];
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j];
                }
            }
        }
    }
}
