package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A product narrowed to float32 equals the float64 one within float rounding; a small one is the float64 one. */
class Products32Test {
    private static DMatrixRMaj random(Random rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    @Test
    void eachProductAgreesWithFloat64WithinFloatRounding() {
        Random rng = new Random(3);
        int m = 70, k = 64, n = 50; // 224,000 multiply-adds: narrowed
        DMatrixRMaj[][] operands = {
            {random(rng, m, k), random(rng, k, n)}, // MATMUL
            {random(rng, k, m), random(rng, k, n)}, // MATMUL_TN
            {random(rng, m, k), random(rng, n, k)}, // MATMUL_NT
        };
        KernelOp[] ops = {KernelOp.MATMUL, KernelOp.MATMUL_TN, KernelOp.MATMUL_NT};
        for (int o = 0; o < ops.length; o++) {
            DMatrixRMaj want = new DMatrixRMaj(1, 1);
            DMatrixRMaj got = new DMatrixRMaj(1, 1);
            ops[o].apply(0, operands[o], want);
            new Products32(ops[o]).apply(operands[o], got);
            assertEquals(m, got.numRows, ops[o] + " rows");
            assertEquals(n, got.numCols, ops[o] + " cols");
            for (int i = 0; i < want.data.length; i++) {
                // k terms of size ~1, each rounded to float: a few float ulps of √k
                assertEquals(want.data[i], got.data[i], 1e-5 * Math.sqrt(k), ops[o] + " entry " + i);
            }
            assertEquals(false, java.util.Arrays.equals(want.data, got.data), ops[o] + " was not narrowed");
        }
    }

    @Test
    void onlyProductsOf2To15MultiplyAddsOrMoreAreWorthNarrowing() {
        assertEquals(false, Products32.worthNarrowing(8 * 4 * 1));
        assertEquals(false, Products32.worthNarrowing((1 << 15) - 1));
        assertEquals(true, Products32.worthNarrowing(1 << 15));
    }
}
