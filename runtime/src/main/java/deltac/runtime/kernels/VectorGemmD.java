package deltac.runtime.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 product on the Vector API, blocked as BLIS and GotoBLAS do: up to {@value #NC} columns of b, all
 * its rows, are copied into column strips {@link #NR} wide, in panels of at most {@value #KC} rows (a strip of a
 * panel stays in L1 while it is used); then for each block of {@value #MC} rows of c, panel after panel, the
 * panel's columns of those rows of op(a) are copied into strips of {@value #MR} rows (in L2), and 4 × 2-vector
 * register blocks of c are computed from the two strips, read contiguously, with a fused multiply-add per
 * accumulator. The block of c stays in L2 while the panels add into it. Strips are padded with
 * zeros, so edges run the same register block on a small tile. Small products skip the copies (they would cost
 * as much as the arithmetic) and read a and b where they are.
 *
 * <p>Each entry of c is summed over p in order, whatever the blocking, so results do not depend on the sizes
 * of the blocks or on how the rows are split between threads. {@code VectorGemmF} is this class line for line
 * in float32 (DoubleVector ↔ FloatVector): Java's primitive types force the two copies; change both together.
 */
final class VectorGemmD {
    private VectorGemmD() {}

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = D.length();
    static final int MR = 4; // packA's unrolled copy and block() are written for 4
    static final int NR = 2 * LANES;
    /** Rows of b in a panel: a strip of it fills 16 KB, half of a 32 KB L1 (256 rows on AVX2, 128 on AVX-512). */
    static final int KC = 16 * 1024 / (NR * Double.BYTES);
    static final int MC = 128;
    /** Columns of c one packing of b covers: its MC × NC block of c (192 KB) stays in L2 across b's panels. */
    static final int NC = 192;
    /** Below this many multiply-adds, copying a and b into strips costs about as much as the product. */
    static final long PACKED_MACS = 1 << 17;

    /** The strips and the edge tile, one set per thread, grown once to the largest product it has run. */
    private static final class Workspace {
        double[] a = new double[0];
        double[] b = new double[0];
        final double[] tile = new double[MR * NR];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * c[i, j] (at cOff + i ldc + j) = Σp a[i, p] (at aOff + i rs + p cs) b[p, j] (at bOff + p brs + j bcs). A b
     * read across its rows (bcs ≠ 1, a transposed b) always goes through the strips, where it is read once.
     */
    static void multiply(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int brs, int bcs,
                         double[] c, int cOff, int ldc, int m, int k, int n) {
        if (bcs == 1 && ((long) m * n * k < PACKED_MACS || m < MR || n < NR)) {
            direct(a, aOff, rs, cs, b, bOff, brs, c, cOff, ldc, m, k, n);
        } else {
            packed(a, aOff, rs, cs, b, bOff, brs, bcs, c, cOff, ldc, m, k, n);
        }
    }

    private static void packed(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int brs, int bcs,
                               double[] c, int cOff, int ldc, int m, int k, int n) {
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0d);
            }
            return;
        }
        // balanced panels: k = 784 is 4 of 196, not 3 of 256 and one of 16 that reads and writes c for 16 rows of b
        int panels = (k + KC - 1) / KC;
        int kcMax = (k + panels - 1) / panels;
        // with one panel, c is written once: nothing gained by keeping it in L2, and op(a) is packed once, not per NC
        int ncMax = panels == 1 ? n : NC;
        Workspace w = WORKSPACE.get();
        if (w.b.length < k * roundUp(Math.min(n, ncMax), NR)) {
            w.b = new double[k * roundUp(Math.min(n, ncMax), NR)];
        }
        if (w.a.length < kcMax * roundUp(Math.min(m, MC), MR)) {
            w.a = new double[kcMax * roundUp(Math.min(m, MC), MR)];
        }
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            int panelSize = roundUp(nc, NR); // floats of a panel's strips per row of b
            for (int pc = 0; pc < k; pc += kcMax) {
                packB(b, bOff + pc * brs + jc * bcs, brs, bcs, Math.min(kcMax, k - pc), nc, w.b, pc * panelSize);
            }
            // every panel of b is packed: each MC × nc block of c is finished, panel after panel, while in L2
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
                    packA(a, aOff + ic * rs + pc * cs, rs, cs, mc, kc, w.a);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int bStrip = pc * panelSize + (jr / NR) * kc * NR;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int aStrip = (ir / MR) * kc * MR;
                            int cAt = cOff + (ic + ir) * ldc + jc + jr;
                            if (ir + MR <= mc && jr + NR <= nc) {
                                block(w.a, aStrip, w.b, bStrip, kc, c, cAt, ldc, pc > 0);
                            } else {
                                edge(w, aStrip, bStrip, kc, c, cAt, ldc, Math.min(MR, mc - ir), Math.min(NR, nc - jr),
                                        pc > 0);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * Rows [0, kc) of b into strips of NR columns: strip s, row p, column j at at + (s kc + p) NR + j; zeros past n.
     * A row-major b is copied a row segment at a time; a transposed one (bcs ≠ 1) a column at a time, reading
     * each along its storage.
     */
    private static void packB(double[] b, int bOff, int brs, int bcs, int kc, int n, double[] out, int at) {
        for (int jr = 0, s = 0; jr < n; jr += NR, s++) {
            int width = Math.min(NR, n - jr);
            int strip = at + s * kc * NR;
            if (bcs == 1 && width == NR) {
                // two vectors a row: System.arraycopy's call costs more than the copy at this length
                for (int p = 0, from = bOff + jr, to = strip; p < kc; p++, from += brs, to += NR) {
                    DoubleVector.fromArray(D, b, from).intoArray(out, to);
                    DoubleVector.fromArray(D, b, from + LANES).intoArray(out, to + LANES);
                }
            } else if (bcs == 1) {
                for (int p = 0, to = strip; p < kc; p++, to += NR) {
                    System.arraycopy(b, bOff + p * brs + jr, out, to, width);
                }
            } else {
                for (int j = 0; j < width; j++) {
                    int from = bOff + (jr + j) * bcs;
                    for (int p = 0, to = strip + j; p < kc; p++, to += NR) {
                        out[to] = b[from + p * brs];
                    }
                }
            }
            if (width < NR) {
                for (int p = 0, to = strip; p < kc; p++, to += NR) {
                    java.util.Arrays.fill(out, to + width, to + NR, 0d);
                }
            }
        }
    }

    /** Rows [0, mc) of op(a), columns [0, kc), into strips of MR rows: strip s, column p, row r at (s kc + p) MR + r. */
    private static void packA(double[] a, int aOff, int rs, int cs, int mc, int kc, double[] out) {
        for (int ir = 0, s = 0; ir < mc; ir += MR, s++) {
            int height = Math.min(MR, mc - ir);
            int to = s * kc * MR;
            int from = aOff + ir * rs;
            if (height == MR && cs == 1 && SHUFFLED_PACK) {
                rowsByShuffles(a, from, rs, kc, out, to);
            } else if (height == MR) {
                rowsOneByOne(a, from, rs, cs, kc, out, to);
            } else {
                for (int p = 0; p < kc; p++, to += MR, from += cs) {
                    for (int r = 0; r < MR; r++) {
                        out[to + r] = r < height ? a[from + r * rs] : 0d;
                    }
                }
            }
        }
    }

    /**
     * Whether packA interleaves the rows of a row-major a with vector shuffles. JDK 25 compiles them to permutes:
     * 2 to 3 times faster than copying one entry at a time; JDK 17 compiles the two-vector shuffle to a slow
     * sequence, 7 times slower (PackProbe, a 128 × 256 block). JDKs between were not measured.
     */
    static final boolean SHUFFLED_PACK = Runtime.version().feature() >= 25;

    // The shuffles interleave two vectors: one lane at a time from their low or high halves (ZIP1), then two
    // lanes at a time (ZIP2). A negative index picks lane index + LANES of the second vector.
    private static final VectorShuffle<Double> ZIP1_LO = zip(1, 0);
    private static final VectorShuffle<Double> ZIP1_HI = zip(1, LANES / 2);
    private static final VectorShuffle<Double> ZIP2_LO = zip(2, 0);
    private static final VectorShuffle<Double> ZIP2_HI = zip(2, LANES / 2);

    /** Lane i takes lane from + i / (2 width) · width + i % width of the first vector or the second, in turn. */
    private static VectorShuffle<Double> zip(int width, int from) {
        int[] index = new int[LANES];
        for (int i = 0; i < LANES; i++) {
            int group = i / width;
            int lane = from + group / 2 * width + i % width;
            index[i] = group % 2 == 0 ? lane : lane - LANES;
        }
        return VectorShuffle.fromArray(D, index, 0);
    }

    /**
     * Rows [0, MR) of op(a) (entry r, p at from + r rs + p cs), columns [0, kc), into a strip: column p, row r at
     * to + p MR + r. The four rows are read side by side and the strip is written in order.
     */
    static void rowsOneByOne(double[] a, int from, int rs, int cs, int kc, double[] out, int to) {
        for (int p = 0; p < kc; p++, to += MR, from += cs) {
            out[to] = a[from];
            out[to + 1] = a[from + rs];
            out[to + 2] = a[from + 2 * rs];
            out[to + 3] = a[from + 3 * rs];
        }
    }

    /** {@link #rowsOneByOne} of a row-major a, a vector of columns at a time: the rows' vectors zipped, then in pairs. */
    static void rowsByShuffles(double[] a, int from, int rs, int kc, double[] out, int to) {
        int f1 = from + rs;
        int f2 = from + 2 * rs;
        int f3 = from + 3 * rs;
        int p = 0;
        for (; p + LANES <= kc; p += LANES, to += MR * LANES) {
            DoubleVector r0 = DoubleVector.fromArray(D, a, from + p);
            DoubleVector r1 = DoubleVector.fromArray(D, a, f1 + p);
            DoubleVector r2 = DoubleVector.fromArray(D, a, f2 + p);
            DoubleVector r3 = DoubleVector.fromArray(D, a, f3 + p);
            DoubleVector low01 = r0.rearrange(ZIP1_LO, r1);
            DoubleVector high01 = r0.rearrange(ZIP1_HI, r1);
            DoubleVector low23 = r2.rearrange(ZIP1_LO, r3);
            DoubleVector high23 = r2.rearrange(ZIP1_HI, r3);
            low01.rearrange(ZIP2_LO, low23).intoArray(out, to);
            low01.rearrange(ZIP2_HI, low23).intoArray(out, to + LANES);
            high01.rearrange(ZIP2_LO, high23).intoArray(out, to + 2 * LANES);
            high01.rearrange(ZIP2_HI, high23).intoArray(out, to + 3 * LANES);
        }
        rowsOneByOne(a, from + p, rs, 1, kc - p, out, to);
    }

    /** A block at an edge: computed whole on the tile, then its valid height × width part copied to c. */
    private static void edge(Workspace w, int aStrip, int bStrip, int kc, double[] c, int cAt, int ldc,
                             int height, int width, boolean accumulate) {
        double[] tile = w.tile;
        if (accumulate) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(c, cAt + r * ldc, tile, r * NR, width);
            }
        }
        block(w.a, aStrip, w.b, bStrip, kc, tile, 0, NR, accumulate);
        for (int r = 0; r < height; r++) {
            System.arraycopy(tile, r * NR, c, cAt + r * ldc, width);
        }
    }

    /** The register block: 4 rows × 2 vectors of c, from an a strip and a b strip, added to c or overwriting it. */
    private static void block(double[] ap, int aAt, double[] bp, int bAt, int kc, double[] c, int cAt, int ldc,
                              boolean accumulate) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (accumulate) {
            c00 = DoubleVector.fromArray(D, c, cAt);
            c01 = DoubleVector.fromArray(D, c, cAt + LANES);
            c10 = DoubleVector.fromArray(D, c, cAt + ldc);
            c11 = DoubleVector.fromArray(D, c, cAt + ldc + LANES);
            c20 = DoubleVector.fromArray(D, c, cAt + 2 * ldc);
            c21 = DoubleVector.fromArray(D, c, cAt + 2 * ldc + LANES);
            c30 = DoubleVector.fromArray(D, c, cAt + 3 * ldc);
            c31 = DoubleVector.fromArray(D, c, cAt + 3 * ldc + LANES);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = DoubleVector.zero(D);
        }
        for (int p = 0; p < kc; p++) {
            int bi = bAt + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(D, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, bp, bi + LANES);
            int ai = aAt + p * MR;
            DoubleVector x0 = DoubleVector.broadcast(D, ap[ai]);
            DoubleVector x1 = DoubleVector.broadcast(D, ap[ai + 1]);
            DoubleVector x2 = DoubleVector.broadcast(D, ap[ai + 2]);
            DoubleVector x3 = DoubleVector.broadcast(D, ap[ai + 3]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        c00.intoArray(c, cAt);
        c01.intoArray(c, cAt + LANES);
        c10.intoArray(c, cAt + ldc);
        c11.intoArray(c, cAt + ldc + LANES);
        c20.intoArray(c, cAt + 2 * ldc);
        c21.intoArray(c, cAt + 2 * ldc + LANES);
        c30.intoArray(c, cAt + 3 * ldc);
        c31.intoArray(c, cAt + 3 * ldc + LANES);
    }

    /**
     * Without copies: blocks of 4 rows × 2 vectors read a and b where they are, then the rows' last columns a
     * vector at a time, then one by one (masks are slow on 17).
     */
    private static void direct(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int ldb,
                               double[] c, int cOff, int ldc, int m, int k, int n) {
        int i = 0;
        for (; i + MR <= m; i += MR) {
            int j = 0;
            for (; j + NR <= n; j += NR) {
                directBlock(a, aOff + i * rs, rs, cs, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, k);
            }
            for (int r = i; r < i + MR; r++) {
                directRow(a, aOff + r * rs, cs, b, bOff, ldb, c, cOff + r * ldc, j, k, n);
            }
        }
        for (; i < m; i++) {
            directRow(a, aOff + i * rs, cs, b, bOff, ldb, c, cOff + i * ldc, 0, k, n);
        }
    }

    /**
     * block() over a and b where they are. Not merged with block(): with the strips' strides as variables
     * instead of constants the merged loop ran about 30% slower (GemmProbe, interleaved rounds).
     */
    private static void directBlock(double[] a, int ai, int rs, int cs, double[] b, int bj, int ldb,
                                    double[] c, int cAt, int ldc, int k) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = DoubleVector.zero(D);
        for (int p = 0; p < k; p++) {
            int bi = bj + p * ldb;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + LANES);
            int ap = ai + p * cs;
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
        c00.intoArray(c, cAt);
        c01.intoArray(c, cAt + LANES);
        c10.intoArray(c, cAt + ldc);
        c11.intoArray(c, cAt + ldc + LANES);
        c20.intoArray(c, cAt + 2 * ldc);
        c21.intoArray(c, cAt + 2 * ldc + LANES);
        c30.intoArray(c, cAt + 3 * ldc);
        c31.intoArray(c, cAt + 3 * ldc + LANES);
    }

    /** Row i of c (a at ai, c at ci) from column j on. */
    private static void directRow(double[] a, int ai, int cs, double[] b, int bOff, int ldb, double[] c, int ci,
                                  int j, int k, int n) {
        for (; j + LANES <= n; j += LANES) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int p = 0; p < k; p++) {
                acc = DoubleVector.broadcast(D, a[ai + p * cs]).fma(DoubleVector.fromArray(D, b, bOff + p * ldb + j), acc);
            }
            acc.intoArray(c, ci + j);
        }
        for (; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ai + p * cs], b[bOff + p * ldb + j], s);
            }
            c[ci + j] = s;
        }
    }
}
