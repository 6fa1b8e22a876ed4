package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FastMath.tanh against Math.tanh: close in double, and the same float (within one ulp) on every argument tried. */
class FastMathTest {
    @Test
    void tanhAgreesWithMathOnEveryScale() {
        Random rng = new Random(3);
        double worstRelative = 0;
        int floatsDiffering = 0;
        int tried = 2_000_000;
        for (int t = 0; t < tried; t++) {
            // magnitudes from 1e-9 to 40, both signs: the series, the cancellation zone, saturation
            double x = Math.copySign(Math.pow(10, -9 + 10.6 * rng.nextDouble()), rng.nextBoolean() ? 1 : -1);
            double want = Math.tanh(x);
            double got = FastMath.tanh(x);
            worstRelative = Math.max(worstRelative, Math.abs(got - want) / Math.abs(want));
            float wantF = (float) want;
            float gotF = (float) got;
            assertTrue(Math.abs(Float.floatToIntBits(wantF) - Float.floatToIntBits(gotF)) <= 1, "x = " + x);
            floatsDiffering += wantF == gotF ? 0 : 1;
        }
        assertTrue(worstRelative < 5e-14, "worst relative difference " + worstRelative);
        assertTrue(floatsDiffering < tried / 100_000, floatsDiffering + " floats differ by an ulp");
    }

    @Test
    void tanhKeepsItsEdges() {
        assertEquals(0.0, FastMath.tanh(0.0));
        assertEquals(-0.0, FastMath.tanh(-0.0));
        assertEquals(1.0, FastMath.tanh(1e4));
        assertEquals(-1.0, FastMath.tanh(-1e4));
        assertEquals(1.0, FastMath.tanh(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FastMath.tanh(Double.NaN)));
    }
}
