package deltac.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    // 3 samples x 2 features; sample i has features (10i+1, 10i+2) and label (2 - i).
    private static Dataset small() {
        return Dataset.classification("small", 2, List.of("a", "b", "c"),
                new float[] {1, 2, 11, 12, 21, 22}, new int[] {2, 1, 0});
    }

    @Test
    void describesItself() {
        Dataset d = small();
        assertEquals(3, d.size());
        assertEquals(3, d.classes());
        assertEquals(3, d.outputWidth());
        assertTrue(d.isClassification());
        assertEquals("small: 3 samples x 2 features, 3 classes", d.toString());
    }

    @Test
    void batchColumnIsASampleWithOneHotTarget() {
        double[] x = new double[2 * 2];
        double[] y = new double[3 * 2];
        small().copyBatch(new int[] {2, 0, 1}, 1, 2, x, y);
        // Columns are samples 0 and 1; row f holds feature f of each column.
        assertArrayEquals(new double[] {1, 11, 2, 12}, x);
        // Sample 0 has label 2, sample 1 label 1.
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0}, y);
    }

    @Test
    void floatBatchMatchesAndClearsOldTargets() {
        float[] x = new float[2 * 3];
        float[] y = {9, 9, 9, 9, 9, 9, 9, 9, 9};
        small().copyBatch(new int[] {2, 0, 1}, 0, 3, x, y);
        assertArrayEquals(new float[] {21, 1, 11, 22, 2, 12}, x);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, y);
    }

    @Test
    void batchWithoutTargetsCopiesFeaturesOnly() {
        double[] x = new double[2];
        small().copyBatch(new int[] {1}, 0, 1, x, null);
        assertArrayEquals(new double[] {11, 12}, x);
    }

    @Test
    void regressionBatchCopiesTargetColumns() {
        Dataset d = Dataset.regression("r", 1, new float[] {1, 2, 3}, new float[] {10, 11, 20, 21, 30, 31}, 2);
        assertFalse(d.isClassification());
        assertEquals(0, d.classes());
        double[] x = new double[2];
        double[] y = new double[4];
        d.copyBatch(new int[] {2, 0}, 0, 2, x, y);
        assertArrayEquals(new double[] {3, 1}, x);
        assertArrayEquals(new double[] {30, 10, 31, 11}, y);
    }

    @Test
    void sliceCopiesARange() {
        Dataset s = small().slice(1, 3);
        assertEquals("small[1:3]", s.name());
        assertArrayEquals(new float[] {11, 12, 21, 22}, s.features());
        assertArrayEquals(new int[] {1, 0}, s.labels());
        assertEquals(small().classNames(), s.classNames());
        assertEquals(0, small().slice(2, 2).size());
        assertEquals("slice [2, 4) is not within the 3 samples of small",
                assertThrows(IllegalArgumentException.class, () -> small().slice(2, 4)).getMessage());
    }

    @Test
    void batchArgumentsAreChecked() {
        Dataset d = small();
        double[] x = new double[4];
        double[] y = new double[6];
        assertEquals("batch count must be positive, got 0", iae(() -> d.copyBatch(new int[] {0}, 0, 0, x, y)));
        assertEquals("batch [1, 3) is not within order, which has 2 entries",
                iae(() -> d.copyBatch(new int[] {0, 1}, 1, 2, x, y)));
        assertEquals("order[1] = 3 is not a sample index of small (0..2)",
                iae(() -> d.copyBatch(new int[] {0, 3}, 0, 2, x, y)));
        assertEquals("xColumns has 3 values but a batch of 2 samples x 2 features needs 4",
                iae(() -> d.copyBatch(new int[] {0, 1}, 0, 2, new double[3], y)));
        assertEquals("yColumns has 5 values but a batch of 2 samples x 3 outputs needs 6",
                iae(() -> d.copyBatch(new int[] {0, 1}, 0, 2, new float[4], new float[5])));
        assertEquals("xColumns is null", iae(() -> d.copyBatch(new int[] {0}, 0, 1, (double[]) null, y)));
    }

    @Test
    void inconsistentArraysAreRejected() {
        assertEquals("label 3 of sample 1 is not a class index (0..2)", iae(() -> Dataset.classification(
                "d", 1, List.of("a", "b", "c"), new float[] {1, 2}, new int[] {0, 3})));
        assertEquals("features has 3 values, not a multiple of featureCount 2", iae(() -> Dataset.classification(
                "d", 2, List.of("a"), new float[3], new int[] {0})));
        assertEquals("labels has 1 entries for 2 samples", iae(() -> Dataset.classification(
                "d", 1, List.of("a"), new float[2], new int[] {0})));
        assertEquals("a data set has either labels (classification) or targets (regression), exactly one",
                iae(() -> new Dataset("d", 1, List.of("a"), new float[1], new int[1], new float[1], 1)));
        assertEquals("targets has 3 values for 2 samples x 2 targets",
                iae(() -> Dataset.regression("d", 1, new float[2], new float[3], 2)));
    }

    private static String iae(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }
}
