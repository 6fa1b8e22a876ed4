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
        for (int t = 0; t < 2_000_000; t++) {
            // magnitudes from 1e-9 to 40, both signs: the series, the cancellation zone, saturation
            double x = Math.copySign(Math.pow(10, -9 + 10.6 * rng.nextDouble()), rng.nextBoolean() ? 1 : -1);
            double want = Math.tanh(x);
            double got = FastMath.tanh(x);
            worstRelative = Math.max(worstRelative, Math.abs(got - want) / Math.abs(want));
            // the README's claim: rounded to float, equal to Math.tanh
            assertEquals(Float.floatToIntBits((float) want), Float.floatToIntBits((float) got), () -> "x = " + x);
        }
        assertTrue(worstRelative < 5e-14, "worst relative difference " + worstRelative);
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
