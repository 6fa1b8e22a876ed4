package deltac.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledTest {

    @Test
    void mnistHas10000DigitsOf784PixelsInUnitRange() {
        Dataset mnist = Bundled.mnist();
        assertEquals(10_000, mnist.size());
        assertEquals(784, mnist.featureCount());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mnist.classNames());
        for (float v : mnist.features()) {
            assertTrue(v >= 0f && v <= 1f, "pixel " + v);
        }
    }

    @Test
    void mnistContentIsPinned() {
        // Checksums of the raw bytes, computed once from the gzip files in /work/shared/data.
        long sum = 0;
        long weighted = 0;
        float[] features = Bundled.mnist().features();
        for (int i = 0; i < features.length; i++) {
            int grey = Math.round(features[i] * 255f);
            sum += grey;
            weighted += (long) i * grey;
        }
        assertEquals(262_146_600L, sum);
        assertEquals(1_026_125_808_037_664L, weighted);
        assertArrayEquals(new int[] {3, 2, 0, 8, 6, 2, 5, 8, 0, 3, 6, 4, 1, 3, 2, 1, 8, 2, 0, 4},
                Arrays.copyOf(Bundled.mnist().labels(), 20));
    }

    @Test
    void trainAndTestSplitKeepsEveryClass() {
        Dataset train = Bundled.mnistTrain();
        Dataset test = Bundled.mnistTest();
        assertEquals(8_000, train.size());
        assertEquals(2_000, test.size());
        assertEquals("mnist-train", train.name());
        assertEquals("mnist-test", test.name());
        assertArrayEquals(new int[] {788, 899, 785, 846, 779, 686, 823, 854, 764, 776}, perClass(train));
        assertArrayEquals(new int[] {213, 228, 206, 186, 201, 177, 191, 216, 180, 202}, perClass(test));
        assertArrayEquals(Arrays.copyOfRange(Bundled.mnist().labels(), 8_000, 10_000), test.labels());
    }

    @Test
    void setsAreLoadedOnce() {
        assertSame(Bundled.mnist(), Bundled.mnist());
        assertSame(Bundled.mnistTrain(), Bundled.mnistTrain());
        assertSame(Bundled.iris(), Bundled.iris());
    }

    @Test
    void irisHas150FlowersOf3Species() {
        Dataset iris = Bundled.iris();
        assertEquals(150, iris.size());
        assertEquals(4, iris.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, perClass(iris));
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, Arrays.copyOf(iris.features(), 4));
        assertEquals(0, iris.labels()[0]);
    }

    @Test
    void mnistLoadsQuickly() throws Exception {
        // Generous bound: a guard against an accidental slow path, not a benchmark.
        long start = System.nanoTime();
        try (InputStream images = getClass().getResourceAsStream("/deltac/data/mnist10k-images-idx3-ubyte.gz");
             InputStream labels = getClass().getResourceAsStream("/deltac/data/mnist10k-labels-idx1-ubyte.gz")) {
            assertEquals(10_000, Idx.dataset("mnist", images, "images", labels, "labels").size());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "loading MNIST took " + millis + " ms");
    }

    private static int[] perClass(Dataset d) {
        int[] counts = new int[d.classes()];
        for (int label : d.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
