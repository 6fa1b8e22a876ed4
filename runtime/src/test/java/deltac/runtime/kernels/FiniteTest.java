package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The training loop's finiteness check, on the Vector API when the JVM has it and as scalar loops. */
class FiniteTest {

    @Test
    void everyNonFiniteValueAtEveryPositionIsFound() {
        for (int length : new int[] {0, 1, 7, 17, 63, 64, 65, 80, 100}) { // short, whole vectors, pairs of them, tails
            float[] x = new float[length];
            for (int i = 0; i < length; i++) {
                x[i] = (i % 3 - 1) * 3e38f; // large but finite: x · 0 must stay 0
            }
            assertTrue(Finite.all(x), "length " + length);
            assertTrue(Finite.allScalar(x, 0));
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                for (int at = 0; at < length; at++) {
                    float kept = x[at];
                    x[at] = bad;
                    assertFalse(Finite.all(x), bad + " at " + at + " of " + length);
                    if (Finite.vectorized() && length >= 2 * Gemm.floatLanes()) {
                        assertFalse(new VectorFinite().all(x), "the vector kernel: " + bad + " at " + at + " of " + length);
                    }
                    assertFalse(Finite.allScalar(x, 0));
                    x[at] = kept;
                }
            }
        }
    }

    @Test
    void float64ValuesToo() {
        assertTrue(Finite.all(new double[] {0, -1e308, 1e308}));
        assertFalse(Finite.all(new double[] {0, Double.NaN}));
        assertFalse(Finite.all(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Test
    void theVectorKernelIsTheOneInUseWhenTheJvmHasTheVectorApi() {
        assertEquals(Gemm.simd(), Finite.vectorized());
    }
}
