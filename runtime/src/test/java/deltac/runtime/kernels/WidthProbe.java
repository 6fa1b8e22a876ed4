package deltac.runtime.kernels;

import java.util.Random;

/**
 * The child process of {@link VectorWidthTest}, run with a vector width set by {@code -XX:MaxVectorSize}: the
 * packed and the direct products, of every transpose, in both precisions, against the float64 triple loop. Prints
 * the lanes the kernels ran on and the largest error relative to the product's scale.
 */
public final class WidthProbe {
    private WidthProbe() {}

    public static void main(String[] args) {
        GemmKernel kernel = new VectorGemm();
        Random rng = new Random(21);
        double worstF = 0;
        double worstD = 0;
        // packed: several panels, past NC columns, edges; direct: small
        int[][] shapes = {{130, 2 * VectorGemmF.KC + 17, VectorGemmF.NC + 2 * VectorGemmF.NR + 3}, {37, 301, 61},
                {9, 15, 23}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) == 1;
                boolean transB = (t & 2) == 2;
                int rs = transA ? 1 : k, cs = transA ? m : 1, brs = transB ? 1 : n, bcs = transB ? k : 1;
                double[] ad = new double[m * k];
                double[] bd = new double[k * n];
                float[] a = new float[m * k];
                float[] b = new float[k * n];
                for (int i = 0; i < ad.length; i++) {
                    a[i] = (float) rng.nextGaussian();
                    ad[i] = a[i];
                }
                for (int i = 0; i < bd.length; i++) {
                    b[i] = (float) rng.nextGaussian();
                    bd[i] = b[i];
                }
                float[] c = new float[m * n];
                double[] cd = new double[m * n];
                kernel.multiply(a, 0, rs, cs, b, 0, brs, bcs, c, 0, n, m, k, n);
                kernel.multiply(ad, 0, rs, cs, bd, 0, brs, bcs, cd, 0, n, m, k, n);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = 0;
                        for (int p = 0; p < k; p++) {
                            want += ad[i * rs + p * cs] * bd[p * brs + j * bcs];
                        }
                        double scale = Math.sqrt(k);
                        worstF = Math.max(worstF, Math.abs(c[i * n + j] - want) / scale);
                        worstD = Math.max(worstD, Math.abs(cd[i * n + j] - want) / scale);
                    }
                }
            }
        }
        System.out.println("lanes=" + VectorGemmF.LANES + " kc=" + VectorGemmF.KC + " float=" + worstF + " double=" + worstD);
    }
}
