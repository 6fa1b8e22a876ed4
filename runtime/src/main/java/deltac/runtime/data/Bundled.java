package deltac.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The data sets shipped inside the jar (see the NOTICE file for provenance and licenses):
 * a 10,000-digit subset of MNIST, shuffled once so that the first 8,000 serve for training and
 * the last 2,000 for testing with every digit in both, and Fisher's Iris.
 *
 * <p>Each set is loaded once, on first use, and shared; treat its arrays as read-only.
 */
public final class Bundled {

    /** The number of MNIST samples in the training part; the rest are the test part. */
    public static final int MNIST_TRAIN_SIZE = 8_000;

    private static final String DIR = "/deltac/data/";
    private static final String MNIST_IMAGES = DIR + "mnist10k-images-idx3-ubyte.gz";
    private static final String MNIST_LABELS = DIR + "mnist10k-labels-idx1-ubyte.gz";
    private static final String IRIS = DIR + "iris.csv";

    private Bundled() {}

    /** All 10,000 MNIST digits: 784 features (28x28 pixels in [0, 1]), classes "0" .. "9". */
    public static Dataset mnist() {
        return MnistAll.SET;
    }

    /** The first 8,000 bundled MNIST digits, for training. */
    public static Dataset mnistTrain() {
        return MnistTrain.SET;
    }

    /** The last 2,000 bundled MNIST digits, for testing. */
    public static Dataset mnistTest() {
        return MnistTest.SET;
    }

    /** Fisher's Iris: 150 samples, 4 features (sepal and petal length and width in cm), 3 species. */
    public static Dataset iris() {
        return Iris.SET;
    }

    // Holder classes: the JVM loads each set once, lazily and thread-safely, on first access.
    private static final class MnistAll {
        static final Dataset SET = loadMnist();
    }

    private static final class MnistTrain {
        static final Dataset SET = MnistAll.SET.slice(0, MNIST_TRAIN_SIZE).withName("mnist-train");
    }

    private static final class MnistTest {
        static final Dataset SET = MnistAll.SET.slice(MNIST_TRAIN_SIZE, MnistAll.SET.size()).withName("mnist-test");
    }

    private static final class Iris {
        static final Dataset SET = loadIris();
    }

    private static Dataset loadMnist() {
        try (InputStream images = resource(MNIST_IMAGES); InputStream labels = resource(MNIST_LABELS)) {
            return Idx.dataset("mnist", images, MNIST_IMAGES, labels, MNIST_LABELS);
        } catch (DataException | IOException e) {
            throw broken(e);
        }
    }

    private static Dataset loadIris() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(IRIS), StandardCharsets.UTF_8))) {
            return Csv.read(in, IRIS, "iris", null);
        } catch (DataException | IOException e) {
            throw broken(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Bundled.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled data missing from the classpath: " + path);
        }
        return in;
    }

    // The resources ship with this class, so a failure here is a packaging bug, not a user error.
    private static IllegalStateException broken(Exception e) {
        return new IllegalStateException("bundled data set is broken: " + e.getMessage(), e);
    }
}
