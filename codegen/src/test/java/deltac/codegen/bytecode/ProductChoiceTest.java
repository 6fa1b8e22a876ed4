package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Shape;
import org.junit.jupiter.api.Test;

/**
 * Which of its three forms a product takes, at the bounds its comments give: a dot product per entry (k = n, at
 * most {@link KernelBuilder#DOT_PRODUCT_OUTPUTS} entries), the runtime's Gemm (k = n and more entries, or op(a) of
 * at least {@link KernelBuilder#RUNTIME_PRODUCT_THRESHOLD} entries), or the generated i-k-j loops, which alone copy a
 * transposed b. All three compute the same product (GeneratedVersusInterpreterTest, LoweringCasesTest); the bounds
 * are speed, and only this test holds them.
 */
class ProductChoiceTest {
    private static final int N = Shape.N;

    /** "dot", "runtime" or "loops", with "+pack" when the loops copy b. */
    private static String form(int m, int k, int n) {
        String form = KernelBuilder.isDotProduct(m, k, n) ? "dot" : KernelBuilder.isRuntimeProduct(m, k, n) ? "runtime" : "loops";
        return form + (KernelBuilder.packsB(true, m, k, n) ? "+pack" : "") + (KernelBuilder.packsB(false, m, k, n) ? "+packed untransposed" : "");
    }

    @Test
    void aProductOverTheBatchIsADotProductUpTo256Entries() {
        assertEquals("dot", form(16, N, 16));      // 256 entries
        assertEquals("runtime", form(16, N, 17));  // 272
        assertEquals("runtime", form(300, N, 2));  // 600 entries: m · n, not m / n
        assertEquals("runtime", form(2, N, N));    // n columns: not a dot product, whose columns are constants
    }

    @Test
    void aConstantInnerSizeCallsTheRuntimeFrom64EntriesOfA() {
        assertEquals("runtime", form(8, 8, N));    // op(a) of 64 entries
        assertEquals("runtime", form(2, 32, N));   // 64: m · k, not m / k
        assertEquals("loops+pack", form(7, 9, N)); // 63
        assertEquals("loops+pack", form(3, 4, 5)); // every size a constant
        assertEquals("runtime", form(64, 1, 5));
    }
}
