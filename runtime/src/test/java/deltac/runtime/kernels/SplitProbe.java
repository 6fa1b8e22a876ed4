package deltac.runtime.kernels;

import java.util.Random;

/**
 * The child process of {@link GemmSplitTest}, run with {@code -Ddeltac.threads=2}: a small product and large
 * ones of every transpose in both precisions, each large one also on one thread; prints how many were split,
 * how many parts a helper thread computed, and how many differ in any bit from the product on one thread.
 */
public final class SplitProbe {
    private SplitProbe() {}

    public static void main(String[] args) {
        GemmKernel alone = new VectorGemm();
        Gemm.multiply(new float[10 * 20], false, new float[20 * 30], new float[10 * 30], 10, 20, 30);
        long smallSplits = GemmThreads.splits();
        Random rng = new Random(14);
        int large = 0;
        int differing = 0;
        for (int[] s : new int[][] {{128, 784, 64}, {10, 1024, 256}, {37, 301, 611}}) {
            int m = s[0], k = s[1], n = s[2];
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) == 1;
                boolean transB = (t & 2) == 2;
                int rs = transA ? 1 : k, cs = transA ? m : 1, brs = transB ? 1 : n, bcs = transB ? k : 1;
                float[] a = new float[m * k];
                float[] b = new float[k * n];
                double[] ad = new double[m * k];
                double[] bd = new double[k * n];
                for (int i = 0; i < a.length; i++) {
                    ad[i] = a[i] = (float) rng.nextGaussian();
                }
                for (int i = 0; i < b.length; i++) {
                    bd[i] = b[i] = (float) rng.nextGaussian();
                }
                float[] split = new float[m * n];
                float[] one = new float[m * n];
                Gemm.multiply(a, transA, b, transB, split, m, k, n);
                alone.multiply(a, 0, rs, cs, b, 0, brs, bcs, one, 0, n, m, k, n);
                double[] splitD = new double[m * n];
                double[] oneD = new double[m * n];
                Gemm.multiply(ad, transA, bd, transB, splitD, m, k, n);
                alone.multiply(ad, 0, rs, cs, bd, 0, brs, bcs, oneD, 0, n, m, k, n);
                large += 2;
                differing += (java.util.Arrays.equals(split, one) ? 0 : 1) + (java.util.Arrays.equals(splitD, oneD) ? 0 : 1);
            }
        }
        System.out.println("threads=" + Gemm.threads() + " small=" + smallSplits + " large=" + large
                + " split=" + (GemmThreads.splits() - smallSplits) + " helper=" + GemmThreads.helperParts()
                + " differing=" + differing);
    }
}
