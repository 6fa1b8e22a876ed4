package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API product and its scalar twin equal the plain triple loop: on sizes around the register block's
 * edges (direct path) and around the cache blocks' edges (packed path), on blocks inside larger arrays, and
 * split between threads.
 */
class GemmTest {
    private static final GemmKernel[] KERNELS = {new VectorGemm(), new ScalarGemm()};

    /** A product on a block of larger arrays: every index goes through an offset and a stride. */
    /** b is k × n with rows ldb apart, or (transB) n × k with rows ldb apart, read transposed. */
    private record Case(int m, int k, int n, boolean transA, boolean transB, int aOff, int bOff, int ldb, int cOff, int ldc) {
        Case(int m, int k, int n, boolean transA, int aOff, int bOff, int ldb, int cOff, int ldc) {
            this(m, k, n, transA, false, aOff, bOff, ldb, cOff, ldc);
        }

        int rs() {
            return transA ? 1 : k;
        }

        int cs() {
            return transA ? m : 1;
        }

        int brs() {
            return transB ? 1 : ldb;
        }

        int bcs() {
            return transB ? ldb : 1;
        }

        int bSize() {
            return bOff + Math.max(0, k - 1) * brs() + Math.max(0, n - 1) * bcs() + 1;
        }
    }

    private static double[] reference(double[] a, double[] b, Case t) {
        double[] c = new double[t.m * t.n];
        for (int i = 0; i < t.m; i++) {
            for (int j = 0; j < t.n; j++) {
                double s = 0;
                for (int p = 0; p < t.k; p++) {
                    s += a[t.aOff + i * t.rs() + p * t.cs()] * b[t.bOff + p * t.brs() + j * t.bcs()];
                }
                c[i * t.n + j] = s;
            }
        }
        return c;
    }

    private static double[] gaussian(Random rng, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static void check(Random rng, Case t) {
        double[] a = gaussian(rng, t.aOff + t.m * t.k);
        double[] b = gaussian(rng, t.bSize());
        double[] want = reference(a, b, t);
        float[] af = floats(a);
        float[] bf = floats(b);
        int cSize = t.cOff + Math.max(0, t.m - 1) * t.ldc + t.n + 3;
        for (GemmKernel kernel : KERNELS) {
            double[] c = new double[cSize];
            Arrays.fill(c, Double.NaN); // overwritten, not accumulated into; the entries around untouched
            kernel.multiply(a, t.aOff, t.rs(), t.cs(), b, t.bOff, t.brs(), t.bcs(), c, t.cOff, t.ldc, t.m, t.k, t.n);
            float[] cf = new float[cSize];
            Arrays.fill(cf, Float.NaN);
            kernel.multiply(af, t.aOff, t.rs(), t.cs(), bf, t.bOff, t.brs(), t.bcs(), cf, t.cOff, t.ldc, t.m, t.k, t.n);
            int inside = 0;
            for (int i = 0; i < t.m; i++) {
                for (int j = 0; j < t.n; j++) {
                    int at = t.cOff + i * t.ldc + j;
                    String where = kernel.getClass().getSimpleName() + " " + t + " (" + i + ", " + j + ")";
                    assertEquals(want[i * t.n + j], c[at], 1e-12 * (t.k + 1), where);
                    assertEquals(want[i * t.n + j], cf[at], 1e-4 * Math.sqrt(t.k + 1) * 4, where + " (float)");
                    inside++;
                }
            }
            long nans = Arrays.stream(c).filter(Double::isNaN).count();
            assertEquals(cSize - inside, nans, "entries outside the block are left alone: " + t);
        }
    }

    @Test
    void theTestsRunWithTheVectorApi() {
        assertTrue(Gemm.simd(), "surefire adds jdk.incubator.vector, so the SIMD kernel is the one under test");
    }

    @Test
    void smallProductsEqualTheTripleLoop() {
        Random rng = new Random(11);
        int[] sizes = {0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 31, 33, 64, 65};
        for (int trial = 0; trial < 150; trial++) {
            int m = sizes[rng.nextInt(sizes.length)];
            int k = sizes[rng.nextInt(sizes.length)];
            int n = sizes[rng.nextInt(sizes.length)];
            boolean transB = rng.nextBoolean();
            check(rng, new Case(m, k, n, rng.nextBoolean(), transB, 0, 0, transB ? k : n, 0, n));
        }
    }

    @Test
    void blockedProductsEqualTheTripleLoop() {
        Random rng = new Random(12);
        int nr = 2 * VectorGemmF.LANES;
        int[] ms = {VectorGemmF.MR, VectorGemmF.MC - 1, VectorGemmF.MC, VectorGemmF.MC + 5, 2 * VectorGemmF.MC + 3};
        int[] ks = {1, 40, VectorGemmF.KC - 1, VectorGemmF.KC, VectorGemmF.KC + 1, 2 * VectorGemmF.KC + 17};
        // past NC, b is packed NC columns at a time (when k takes more than one panel), with an edge strip after
        int[] ns = {nr, nr + 1, 3 * nr - 1, 100, VectorGemmD.NC + 5, VectorGemmF.NC + nr + 3};
        for (int trial = 0; trial < 48; trial++) {
            int m = ms[rng.nextInt(ms.length)];
            int k = ks[rng.nextInt(ks.length)];
            int n = ns[rng.nextInt(ns.length)];
            if ((long) m * n * k < VectorGemmF.PACKED_MACS) {
                k = (int) (VectorGemmF.PACKED_MACS / ((long) m * n)) + 1;
            }
            boolean transB = rng.nextBoolean();
            check(rng, new Case(m, k, n, rng.nextBoolean(), transB, 0, 0, transB ? k : n, 0, n));
        }
    }

    @Test
    void blocksInsideLargerArraysEqualTheTripleLoop() {
        Random rng = new Random(13);
        for (int trial = 0; trial < 30; trial++) {
            boolean large = rng.nextBoolean();
            int m = large ? 130 + rng.nextInt(20) : 1 + rng.nextInt(20);
            int k = large ? 260 + rng.nextInt(30) : 1 + rng.nextInt(20);
            int n = large ? 40 + rng.nextInt(30) : 1 + rng.nextInt(40);
            boolean transB = rng.nextBoolean();
            check(rng, new Case(m, k, n, rng.nextBoolean(), transB, rng.nextInt(9), rng.nextInt(9),
                    (transB ? k : n) + rng.nextInt(9), rng.nextInt(9), n + rng.nextInt(9)));
        }
    }

    /** Gemm's entry points, on products too small to split, equal the triple loop: they compute, not only delegate. */
    @Test
    void theEntryPointsEqualTheTripleLoopOnSmallProducts() {
        Random rng = new Random(16);
        int m = 5, k = 7, n = 3;
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) == 1;
            boolean transB = (t & 2) == 2;
            Case c = new Case(m, k, n, transA, transB, 0, 0, transB ? k : n, 0, n);
            double[] a = gaussian(rng, m * k);
            double[] b = gaussian(rng, k * n);
            double[] want = reference(a, b, c);
            double[] got = new double[m * n];
            float[] gotF = new float[m * n];
            if (transB) {
                Gemm.multiply(a, transA, b, true, got, m, k, n);
                Gemm.multiply(floats(a), transA, floats(b), true, gotF, m, k, n);
            } else {
                Gemm.multiply(a, transA, b, got, m, k, n);
                Gemm.multiply(floats(a), transA, floats(b), gotF, m, k, n);
            }
            for (int i = 0; i < m * n; i++) {
                assertEquals(want[i], got[i], 1e-12, c + " at " + i);
                assertEquals(want[i], gotF[i], 1e-4, c + " at " + i + " (float)");
            }
        }
    }

    @Test
    void splittingBetweenThreadsChangesNoBit() {
        Random rng = new Random(14);
        int[][] shapes = {{128, 784, 64}, {10, 1024, 256}, {1024, 256, 784}, {37, 301, 611}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) == 1;
                boolean transB = (t & 2) == 2;
                int rs = transA ? 1 : k, cs = transA ? m : 1, brs = transB ? 1 : n, bcs = transB ? k : 1;
                float[] a = floats(gaussian(rng, m * k));
                float[] b = floats(gaussian(rng, k * n));
                float[] split = new float[m * n];
                Gemm.multiply(a, transA, b, transB, split, m, k, n);
                float[] alone = new float[m * n];
                new VectorGemm().multiply(a, 0, rs, cs, b, 0, brs, bcs, alone, 0, n, m, k, n);
                assertArrayEquals(alone, split, m + "×" + k + "×" + n + " transA=" + transA + " transB=" + transB);
                double[] ad = gaussian(rng, m * k);
                double[] bd = gaussian(rng, k * n);
                double[] splitD = new double[m * n];
                Gemm.multiply(ad, transA, bd, transB, splitD, m, k, n);
                double[] aloneD = new double[m * n];
                new VectorGemm().multiply(ad, 0, rs, cs, bd, 0, brs, bcs, aloneD, 0, n, m, k, n);
                assertArrayEquals(aloneD, splitD);
            }
        }
    }

    @Test
    void productsRunOnEveryProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors() > 1 ? Math.min(64, Runtime.getRuntime().availableProcessors()) : 1,
                Gemm.threads());
    }

    @Test
    void manyCallersAtOnceGetTheirOwnProducts() throws Exception {
        int m = 128, k = 784, n = 64;
        Random rng = new Random(15);
        float[] a = floats(gaussian(rng, m * k));
        float[] b = floats(gaussian(rng, k * n));
        float[] want = new float[m * n];
        Gemm.multiply(a, false, b, want, m, k, n);
        Thread[] threads = new Thread[4];
        Throwable[] failures = new Throwable[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int r = 0; r < 50; r++) {
                        float[] c = new float[m * n];
                        Gemm.multiply(a, false, b, c, m, k, n);
                        assertArrayEquals(want, c);
                    }
                } catch (Throwable e) {
                    failures[index] = e;
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Throwable f : failures) {
            if (f != null) {
                throw new AssertionError(f);
            }
        }
    }

    @Test
    void packingRowsByShufflesEqualsCopyingThemOneByOne() {
        // run on every JDK, whichever of the two packA uses there; the strips must be the same bits
        Random rng = new Random(21);
        int rs = 300;
        float[] a = floats(gaussian(rng, 4 * rs + 40));
        double[] da = gaussian(rng, 4 * rs + 40);
        for (int kc : new int[] {1, 3, VectorGemmF.LANES - 1, VectorGemmF.LANES, VectorGemmF.LANES + 1, 100, 256}) {
            for (int from : new int[] {0, 1, 7}) {
                float[] want = new float[VectorGemmF.MR * kc + 9];
                float[] got = new float[want.length];
                VectorGemmF.rowsOneByOne(a, from, rs, 1, kc, want, 5);
                VectorGemmF.rowsByShuffles(a, from, rs, kc, got, 5);
                assertArrayEquals(want, got, "float, kc " + kc + ", from " + from);
                double[] dwant = new double[VectorGemmD.MR * kc + 9];
                double[] dgot = new double[dwant.length];
                VectorGemmD.rowsOneByOne(da, from, rs, 1, kc, dwant, 5);
                VectorGemmD.rowsByShuffles(da, from, rs, kc, dgot, 5);
                assertArrayEquals(dwant, dgot, "double, kc " + kc + ", from " + from);
            }
        }
    }
}
