package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API product and its scalar twin equal the plain triple loop, on sizes around the block edges. */
class GemmTest {
    private static double[] reference(double[] a, boolean transA, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (transA ? a[p * m + i] : a[i * k + p]) * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void theTestsRunWithTheVectorApi() {
        assertTrue(Gemm.simd(), "surefire adds jdk.incubator.vector, so the SIMD kernel is the one under test");
    }

    @Test
    void everyKernelEqualsTheTripleLoop() {
        Random rng = new Random(11);
        int[] sizes = {1, 3, 4, 5, 7, 8, 15, 16, 17, 31, 33, 64, 65};
        GemmKernel[] kernels = {new VectorGemm(), new ScalarGemm()};
        for (int trial = 0; trial < 120; trial++) {
            int m = sizes[rng.nextInt(sizes.length)];
            int k = sizes[rng.nextInt(sizes.length)];
            int n = sizes[rng.nextInt(sizes.length)];
            boolean transA = rng.nextBoolean();
            double[] a = new double[m * k];
            double[] b = new double[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextGaussian();
            }
            double[] want = reference(a, transA, b, m, k, n);
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = (float) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = (float) b[i];
            }
            for (GemmKernel kernel : kernels) {
                double[] c = new double[m * n];
                java.util.Arrays.fill(c, Double.NaN); // overwritten, not accumulated into
                kernel.multiply(a, transA, b, c, m, k, n);
                float[] cf = new float[m * n];
                kernel.multiply(af, transA, bf, cf, m, k, n);
                for (int i = 0; i < c.length; i++) {
                    String where = kernel.getClass().getSimpleName() + " " + m + "×" + k + "×" + n + " transA=" + transA + " [" + i + "]";
                    assertEquals(want[i], c[i], 1e-12 * k, where);
                    assertEquals(want[i], cf[i], 1e-4 * Math.sqrt(k) * 4, where + " (float)");
                }
            }
        }
    }
}
