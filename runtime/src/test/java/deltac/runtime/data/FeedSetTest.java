package deltac.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deltac.runtime.Feed;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data bound to a spec's feeds: by role for features and labels, by name for safetensors. */
class FeedSetTest {
    @TempDir
    Path dir;

    private static final Dataset IRIS = Bundled.iris();

    @Test
    void anInputReadsTheFeaturesAndATargetTheLabelsOneHot() throws DataException {
        FeedSet s = FeedSet.bind(IRIS, List.of(new Feed("x", 4)), List.of(new Feed("y", 3)), "IrisMlp");
        assertEquals(150, s.size());
        float[] y = s.values("y");
        int label = IRIS.labels()[0];
        assertEquals(1f, y[label]);
        assertEquals(1f, y[0] + y[1] + y[2]);
        assertEquals(IRIS.classNames(), s.classNames());
        float[][] batch = {new float[4 * 2], new float[3 * 2]};
        s.copyBatch(s.feeds(), new int[] {1, 0}, 0, 2, batch);
        assertEquals(IRIS.features()[4], batch[0][0]); // column 0 is sample 1
        assertEquals(IRIS.features()[0], batch[0][1]);
    }

    @Test
    void aBatchIsEverySampleOfTheOrderAsAColumnInBothPrecisions() throws DataException {
        FeedSet s = FeedSet.bind(IRIS, List.of(new Feed("x", 4)), List.of(new Feed("y", 3)), "IrisMlp");
        int[] order = new int[150];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 37 + 11) % 150; // a permutation: 37 and 150 are coprime
        }
        for (int n : new int[] {1, 7, 8, 9, 16, 19, 64}) { // below, at and past the copy's tiles of 8
            float[][] batch32 = {new float[4 * n], new float[3 * n]};
            double[][] batch64 = {new double[4 * n], new double[3 * n]};
            s.copyBatch(s.feeds(), order, 5, n, batch32);
            s.copyBatch(s.feeds(), order, 5, n, batch64);
            for (int k = 0; k < 2; k++) {
                float[] values = s.values(k == 0 ? "x" : "y");
                int rows = k == 0 ? 4 : 3;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < n; j++) {
                        float want = values[order[5 + j] * rows + r];
                        assertEquals(want, batch32[k][r * n + j], "n " + n + ", feed " + k + ", (" + r + ", " + j + ")");
                        assertEquals(want, batch64[k][r * n + j], 0, "float64, n " + n);
                    }
                }
            }
        }
    }

    @Test
    void noTargetTrainsOnTheInputAlone() throws DataException {
        FeedSet s = FeedSet.bind(IRIS, List.of(new Feed("x", 4)), List.of(), "Autoencoder");
        assertEquals(List.of(new Feed("x", 4)), s.feeds());
    }

    @Test
    void aMismatchNamesTheSpecsFeedAndWhatTheDataHolds() {
        assertEquals("IrisMlp's input x has 784 rows but iris has 4 features per sample", assertThrows(DataException.class,
                () -> FeedSet.bind(IRIS, List.of(new Feed("x", 784)), List.of(), "IrisMlp")).getMessage());
        assertEquals("IrisMlp's target y has 10 rows but iris holds labels of 3 classes", assertThrows(DataException.class,
                () -> FeedSet.bind(IRIS, List.of(new Feed("x", 4)), List.of(new Feed("y", 10)), "IrisMlp")).getMessage());
        assertEquals("TwoInputs reads 2 inputs, a (2×n), b (2×n), but iris holds one set of features (4 per sample): "
                + "give a safetensors file with a tensor named after each input", assertThrows(DataException.class,
                () -> FeedSet.bind(IRIS, List.of(new Feed("a", 2), new Feed("b", 2)), List.of(), "TwoInputs")).getMessage());
    }

    @Test
    void safetensorsTensorsAreFoundByNameInEitherLayout() throws Exception {
        Path file = dir.resolve("d.safetensors");
        // a: sample-major [3 samples, 2]; b: a column per sample [1 row, 3 samples]
        Safetensors.write(file, List.of(Tensor.of("a", 3, 2, new float[] {1, 2, 3, 4, 5, 6}),
                Tensor.of("b", 1, 3, new float[] {7, 8, 9}), Tensor.of("unused", 1, 1, new float[1])), Map.of());
        FeedSet s = SafetensorsData.read(file, List.of(new Feed("a", 2), new Feed("b", 1)), "Net");
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, s.values("a"));
        assertArrayEquals(new float[] {7, 8, 9}, s.values("b"));
        assertEquals(file + ": no tensor c (Net reads a (2×n), c (1×n); the file holds a, b, unused)",
                assertThrows(DataException.class, () -> SafetensorsData.read(file, List.of(new Feed("a", 2),
                        new Feed("c", 1)), "Net")).getMessage());
        assertEquals(file + ": a is 3×2 but Net's a has 4 rows (give it as [samples, 4] or [4, samples])",
                assertThrows(DataException.class, () -> SafetensorsData.read(file, List.of(new Feed("a", 4)), "Net"))
                        .getMessage());
    }

    @Test
    void aSquareTensorIsSampleMajorUnlessTheMetadataSaysColumns() throws Exception {
        Path file = dir.resolve("square.safetensors");
        Safetensors.write(file, List.of(Tensor.of("a", 2, 2, new float[] {1, 2, 3, 4})), Map.of());
        assertArrayEquals(new float[] {1, 2, 3, 4}, SafetensorsData.read(file, List.of(new Feed("a", 2)), "Net").values("a"));
        Safetensors.write(file, List.of(Tensor.of("a", 2, 2, new float[] {1, 2, 3, 4})), Map.of("deltac.layout", "columns"));
        assertArrayEquals(new float[] {1, 3, 2, 4}, SafetensorsData.read(file, List.of(new Feed("a", 2)), "Net").values("a"));
    }
}
