package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place activations on the Vector API equal the scalar forms within a few float ulps, at the edges too. */
class ActivationsTest {
    private static float[] inputs(int length) {
        Random rng = new Random(21);
        float[] x = new float[length];
        float[] edges = {0f, -0f, 1e-30f, -1e-30f, 1e-4f, -1e-4f, 20f, -20f, 100f, -100f, 1e4f, -1e4f,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < length; i++) {
            x[i] = i < edges.length ? edges[i] : (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(5) - 2));
        }
        return x;
    }

    private static void assertClose(double want, float got, String what) {
        if (Double.isNaN(want)) {
            assertTrue(Float.isNaN(got), what);
            return;
        }
        float w = (float) want;
        assertTrue(Math.abs(w - got) <= 4 * Math.ulp(w) + 1e-30, what + ": want " + w + " got " + got);
    }

    @Test
    void sigmoidAndTanhEqualTheScalarForms() {
        assertTrue(Gemm.simd(), "the Vector API path is the one under test");
        for (int length : new int[] {0, 1, 7, 8, 17, 64, 1000, 4099}) {
            float[] x = inputs(length);
            float[] s = x.clone();
            float[] t = x.clone();
            Activations.sigmoid(s, length);
            Activations.tanh(t, length);
            for (int i = 0; i < length; i++) {
                assertClose(1 / (1 + Math.exp(-(double) x[i])), s[i], "sigmoid(" + x[i] + ")");
                assertClose(Math.tanh(x[i]), t[i], "tanh(" + x[i] + ")");
            }
        }
    }

    @Test
    void onlyTheGivenLengthChanges() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        Activations.sigmoid(x, 9);
        assertEquals(10f, x[9]);
        assertEquals(20f, x[19]);
        Activations.tanh(x, 0);
        assertEquals(10f, x[9]);
    }

    @Test
    void aNaNStaysNaN() {
        float[] x = new float[33];
        x[3] = Float.NaN;
        x[32] = Float.NaN;
        Activations.sigmoid(x, 33);
        assertTrue(Float.isNaN(x[3]) && Float.isNaN(x[32]));
        assertEquals(0.5f, x[0]);
    }
}
