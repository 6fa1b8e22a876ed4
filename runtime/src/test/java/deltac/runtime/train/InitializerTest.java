package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitializerTest {

    private static double[] draw(Initializer kind, int rows, int cols, double scale, long seed) {
        double[] v = new double[rows * cols];
        kind.fill(v, rows, cols, scale, new SplittableRandom(seed));
        return v;
    }

    @ParameterizedTest
    @EnumSource(Initializer.class)
    void sameSeedSameValuesAndFloatsAreTheRoundedDoubles(Initializer kind) {
        double[] a = draw(kind, 30, 20, 0.5, 7);
        assertArrayEquals(a, draw(kind, 30, 20, 0.5, 7));
        float[] f = new float[600];
        kind.fill(f, 30, 20, 0.5, new SplittableRandom(7));
        for (int i = 0; i < f.length; i++) {
            assertEquals((float) a[i], f[i]);
        }
        if (kind != Initializer.ZEROS) {
            assertFalse(Arrays.equals(a, draw(kind, 30, 20, 0.5, 8)));
        }
    }

    @Test
    void glorotIsUniformWithinItsBound() {
        double bound = Math.sqrt(6.0 / (784 + 128)); // fanIn = cols, fanOut = rows
        double[] v = draw(Initializer.GLOROT, 128, 784, 0, 1);
        assertEquals(bound, Arrays.stream(v).map(Math::abs).max().orElseThrow(), bound * 1e-3);
        assertEquals(bound / Math.sqrt(3), std(v), bound * 0.01); // a uniform's std is bound / √3
        assertEquals(0, mean(v), bound * 0.01);
    }

    @Test
    void heAndNormalHaveTheirStandardDeviation() {
        assertEquals(Math.sqrt(2.0 / 784), std(draw(Initializer.HE, 128, 784, 0, 2)), Math.sqrt(2.0 / 784) * 0.01);
        double[] normal = draw(Initializer.NORMAL, 300, 300, 0.05, 3);
        assertEquals(0.05, std(normal), 0.05 * 0.01);
        assertEquals(0, mean(normal), 0.001);
    }

    @Test
    void uniformStaysWithinScaleAndZerosIsZero() {
        double[] v = draw(Initializer.UNIFORM, 100, 100, 0.2, 4);
        assertTrue(Arrays.stream(v).allMatch(x -> x >= -0.2 && x < 0.2));
        assertEquals(0.2 / Math.sqrt(3), std(v), 0.2 * 0.01);
        assertTrue(Arrays.stream(draw(Initializer.ZEROS, 10, 10, 0.2, 4)).allMatch(x -> x == 0));
    }

    @Test
    void seedsDifferPerNameAndSeed() {
        long w1 = Initializer.seedFor(42, "W1");
        assertEquals(w1, Initializer.seedFor(42, "W1"));
        assertNotEquals(w1, Initializer.seedFor(42, "W2"));
        assertNotEquals(w1, Initializer.seedFor(43, "W1"));
    }

    @Test
    void defaultIsGlorotForMatricesAndZerosForColumns() {
        assertEquals(Initializer.GLOROT, Initializer.defaultFor(128, 784));
        assertEquals(Initializer.ZEROS, Initializer.defaultFor(128, 1));
        assertEquals(Initializer.ZEROS, Initializer.defaultFor(1, 1));
    }

    @Test
    void rejectsAWrongSizeOrScale() {
        SplittableRandom r = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> Initializer.GLOROT.fill(new float[5], 2, 3, 0, r));
        assertThrows(IllegalArgumentException.class, () -> Initializer.NORMAL.fill(new double[6], 2, 3, -1, r));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }
}
