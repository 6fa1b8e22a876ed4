package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void argmaxReadsAColumn() {
        // 3 × 2: column 0 is (0.1, 0.7, 0.2), column 1 is (0.5, 0.5, NaN)
        float[] out = {0.1f, 0.5f, 0.7f, 0.5f, 0.2f, Float.NaN};
        assertEquals(1, Metrics.argmax(out, 3, 2, 0));
        assertEquals(0, Metrics.argmax(out, 3, 2, 1)); // first on ties; NaN loses
        double[] nan = {Double.NaN, Double.NaN};
        assertEquals(-1, Metrics.argmax(nan, 2, 1, 0));
        assertEquals(2, Metrics.argmax(new double[] {1, 2, 3}, 3, 1, 0));
    }

    @Test
    void accuracyAndConfusion() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 1, 1, 1, 0, -1};
        assertEquals(0.5, Metrics.accuracy(predicted, labels));
        int[][] table = Metrics.confusion(predicted, labels, 3);
        assertArrayEquals(new int[] {1, 1, 0}, table[0]);
        assertArrayEquals(new int[] {0, 2, 0}, table[1]);
        assertArrayEquals(new int[] {1, 0, 0}, table[2]); // the all-NaN prediction is in no cell
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[2], new int[3]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.confusion(new int[] {3}, new int[] {0}, 3));
    }
}
