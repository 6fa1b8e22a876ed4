package deltac.runtime.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product on the Vector API: a register block of 4 rows of c by 2 vectors of columns, kept in 8 accumulators
 * across the whole k loop, each step one broadcast of a[i, p] and a fused multiply-add per accumulator. Loaded
 * only when the JVM has {@code jdk.incubator.vector} (see {@link Gemm}).
 */
final class VectorGemm implements GemmKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        int lanes = F.length();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                block4x2(a, transA, b, c, i, j, m, k, n);
            }
            for (; j < n; j += lanes) {
                for (int r = 0; r < 4; r++) {
                    row(a, transA, b, c, i + r, j, m, k, n);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j += lanes) {
                row(a, transA, b, c, i, j, m, k, n);
            }
        }
    }

    private static float at(float[] a, boolean transA, int i, int p, int m, int k) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    private static void block4x2(float[] a, boolean transA, float[] b, float[] c, int i, int j, int m, int k, int n) {
        int lanes = F.length();
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
            int brow = p * n + j;
            FloatVector b0 = FloatVector.fromArray(F, b, brow);
            FloatVector b1 = FloatVector.fromArray(F, b, brow + lanes);
            FloatVector a0 = FloatVector.broadcast(F, at(a, transA, i, p, m, k));
            FloatVector a1 = FloatVector.broadcast(F, at(a, transA, i + 1, p, m, k));
            FloatVector a2 = FloatVector.broadcast(F, at(a, transA, i + 2, p, m, k));
            FloatVector a3 = FloatVector.broadcast(F, at(a, transA, i + 3, p, m, k));
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(c, i * n + j);
        c01.intoArray(c, i * n + j + lanes);
        c10.intoArray(c, (i + 1) * n + j);
        c11.intoArray(c, (i + 1) * n + j + lanes);
        c20.intoArray(c, (i + 2) * n + j);
        c21.intoArray(c, (i + 2) * n + j + lanes);
        c30.intoArray(c, (i + 3) * n + j);
        c31.intoArray(c, (i + 3) * n + j + lanes);
    }

    /** One row of c from column j, one vector wide (masked at the end of the row). */
    private static void row(float[] a, boolean transA, float[] b, float[] c, int i, int j, int m, int k, int n) {
        VectorMask<Float> mask = F.indexInRange(j, n);
        FloatVector acc = FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(F, b, p * n + j, mask);
            acc = FloatVector.broadcast(F, at(a, transA, i, p, m, k)).fma(bv, acc);
        }
        acc.intoArray(c, i * n + j, mask);
    }

    @Override
    public void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n) {
        int lanes = D.length();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                block4x2(a, transA, b, c, i, j, m, k, n);
            }
            for (; j < n; j += lanes) {
                for (int r = 0; r < 4; r++) {
                    row(a, transA, b, c, i + r, j, m, k, n);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j += lanes) {
                row(a, transA, b, c, i, j, m, k, n);
            }
        }
    }

    private static double at(double[] a, boolean transA, int i, int p, int m, int k) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    private static void block4x2(double[] a, boolean transA, double[] b, double[] c, int i, int j, int m, int k, int n) {
        int lanes = D.length();
        DoubleVector c00 = DoubleVector.zero(D);
        DoubleVector c01 = DoubleVector.zero(D);
        DoubleVector c10 = DoubleVector.zero(D);
        DoubleVector c11 = DoubleVector.zero(D);
        DoubleVector c20 = DoubleVector.zero(D);
        DoubleVector c21 = DoubleVector.zero(D);
        DoubleVector c30 = DoubleVector.zero(D);
        DoubleVector c31 = DoubleVector.zero(D);
        for (int p = 0; p < k; p++) {
            int brow = p * n + j;
            DoubleVector b0 = DoubleVector.fromArray(D, b, brow);
            DoubleVector b1 = DoubleVector.fromArray(D, b, brow + lanes);
            DoubleVector a0 = DoubleVector.broadcast(D, at(a, transA, i, p, m, k));
            DoubleVector a1 = DoubleVector.broadcast(D, at(a, transA, i + 1, p, m, k));
            DoubleVector a2 = DoubleVector.broadcast(D, at(a, transA, i + 2, p, m, k));
            DoubleVector a3 = DoubleVector.broadcast(D, at(a, transA, i + 3, p, m, k));
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(c, i * n + j);
        c01.intoArray(c, i * n + j + lanes);
        c10.intoArray(c, (i + 1) * n + j);
        c11.intoArray(c, (i + 1) * n + j + lanes);
        c20.intoArray(c, (i + 2) * n + j);
        c21.intoArray(c, (i + 2) * n + j + lanes);
        c30.intoArray(c, (i + 3) * n + j);
        c31.intoArray(c, (i + 3) * n + j + lanes);
    }

    private static void row(double[] a, boolean transA, double[] b, double[] c, int i, int j, int m, int k, int n) {
        VectorMask<Double> mask = D.indexInRange(j, n);
        DoubleVector acc = DoubleVector.zero(D);
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(D, b, p * n + j, mask);
            acc = DoubleVector.broadcast(D, at(a, transA, i, p, m, k)).fma(bv, acc);
        }
        acc.intoArray(c, i * n + j, mask);
    }
}
