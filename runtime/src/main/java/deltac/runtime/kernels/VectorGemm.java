package deltac.runtime.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product on the Vector API: a register block of 4 rows of c by 2 vectors of columns, kept in 8 accumulators
 * across the whole k loop, each step one broadcast of a[i, p] per row and a fused multiply-add per accumulator.
 * Loaded only when the JVM has {@code jdk.incubator.vector} (see {@link Gemm}).
 */
final class VectorGemm implements GemmKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n) {
        // a[i, p] at i * rs + p * cs: one index formula for a and for its transpose, no branch in the loops
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        int lanes = F.length();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                block4x2(a, rs, cs, b, c, i, j, k, n);
            }
            for (int r = i; r < i + 4; r++) {
                rowTail(a, rs, cs, b, c, r, j, k, n);
            }
        }
        for (; i < m; i++) {
            rowTail(a, rs, cs, b, c, i, 0, k, n);
        }
    }

    private static void block4x2(float[] a, int rs, int cs, float[] b, float[] c, int i, int j, int k, int n) {
        int lanes = F.length();
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        int a0 = i * rs;
        for (int p = 0; p < k; p++) {
            int brow = p * n + j;
            FloatVector b0 = FloatVector.fromArray(F, b, brow);
            FloatVector b1 = FloatVector.fromArray(F, b, brow + lanes);
            int ap = a0 + p * cs;
            FloatVector x0 = FloatVector.broadcast(F, a[ap]);
            FloatVector x1 = FloatVector.broadcast(F, a[ap + rs]);
            FloatVector x2 = FloatVector.broadcast(F, a[ap + 2 * rs]);
            FloatVector x3 = FloatVector.broadcast(F, a[ap + 3 * rs]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        int c0 = i * n + j;
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + lanes);
        c10.intoArray(c, c0 + n);
        c11.intoArray(c, c0 + n + lanes);
        c20.intoArray(c, c0 + 2 * n);
        c21.intoArray(c, c0 + 2 * n + lanes);
        c30.intoArray(c, c0 + 3 * n);
        c31.intoArray(c, c0 + 3 * n + lanes);
    }

    /** Row i of c from column j on: whole vectors, then the last few columns one by one (no masks: slow on 17). */
    private static void rowTail(float[] a, int rs, int cs, float[] b, float[] c, int i, int j, int k, int n) {
        int lanes = F.length();
        int col = j;
        for (; col + lanes <= n; col += lanes) {
            FloatVector acc = FloatVector.zero(F);
            for (int p = 0; p < k; p++) {
                acc = FloatVector.broadcast(F, a[i * rs + p * cs]).fma(FloatVector.fromArray(F, b, p * n + col), acc);
            }
            acc.intoArray(c, i * n + col);
        }
        for (; col < n; col++) {
            float s = 0;
            for (int p = 0; p < k; p++) {
                s += a[i * rs + p * cs] * b[p * n + col];
            }
            c[i * n + col] = s;
        }
    }

    @Override
    public void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n) {
        // a[i, p] at i * rs + p * cs: one index formula for a and for its transpose, no branch in the loops
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        int lanes = D.length();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 * lanes <= n; j += 2 * lanes) {
                block4x2(a, rs, cs, b, c, i, j, k, n);
            }
            for (int r = i; r < i + 4; r++) {
                rowTail(a, rs, cs, b, c, r, j, k, n);
            }
        }
        for (; i < m; i++) {
            rowTail(a, rs, cs, b, c, i, 0, k, n);
        }
    }

    private static void block4x2(double[] a, int rs, int cs, double[] b, double[] c, int i, int j, int k, int n) {
        int lanes = D.length();
        DoubleVector c00 = DoubleVector.zero(D);
        DoubleVector c01 = DoubleVector.zero(D);
        DoubleVector c10 = DoubleVector.zero(D);
        DoubleVector c11 = DoubleVector.zero(D);
        DoubleVector c20 = DoubleVector.zero(D);
        DoubleVector c21 = DoubleVector.zero(D);
        DoubleVector c30 = DoubleVector.zero(D);
        DoubleVector c31 = DoubleVector.zero(D);
        int a0 = i * rs;
        for (int p = 0; p < k; p++) {
            int brow = p * n + j;
            DoubleVector b0 = DoubleVector.fromArray(D, b, brow);
            DoubleVector b1 = DoubleVector.fromArray(D, b, brow + lanes);
            int ap = a0 + p * cs;
            DoubleVector x0 = DoubleVector.broadcast(D, a[ap]);
            DoubleVector x1 = DoubleVector.broadcast(D, a[ap + rs]);
            DoubleVector x2 = DoubleVector.broadcast(D, a[ap + 2 * rs]);
            DoubleVector x3 = DoubleVector.broadcast(D, a[ap + 3 * rs]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        int c0 = i * n + j;
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + lanes);
        c10.intoArray(c, c0 + n);
        c11.intoArray(c, c0 + n + lanes);
        c20.intoArray(c, c0 + 2 * n);
        c21.intoArray(c, c0 + 2 * n + lanes);
        c30.intoArray(c, c0 + 3 * n);
        c31.intoArray(c, c0 + 3 * n + lanes);
    }

    /** Row i of c from column j on: whole vectors, then the last few columns one by one (no masks: slow on 17). */
    private static void rowTail(double[] a, int rs, int cs, double[] b, double[] c, int i, int j, int k, int n) {
        int lanes = D.length();
        int col = j;
        for (; col + lanes <= n; col += lanes) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int p = 0; p < k; p++) {
                acc = DoubleVector.broadcast(D, a[i * rs + p * cs]).fma(DoubleVector.fromArray(D, b, p * n + col), acc);
            }
            acc.intoArray(c, i * n + col);
        }
        for (; col < n; col++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s += a[i * rs + p * cs] * b[p * n + col];
            }
            c[i * n + col] = s;
        }
    }
}
