package deltac.bench;

import deltac.runtime.data.Bundled;
import deltac.runtime.data.Dataset;

import java.nio.file.Path;

/**
 * The three workloads of bench/run.sh, float32, softmax and cross-entropy, plain SGD. Every contestant reads them
 * from here (or, in Python, from the meta file {@link BenchData#write} writes), so that they all train the same
 * network on the same samples in the same order with the same rate.
 */
public enum Workload {
    /** tiny: 4-8-3, tanh, per-sample SGD on Iris; the check trains one epoch (150 steps). */
    W1("tiny", "examples/iris_mlp.java", "iris", new int[] {4, 8, 3}, Activation.TANH, 1, 0.05, 150, 150),
    /** mnist: 784-128-10, sigmoid, batch 64 on the 8,000 bundled training digits; the check is one epoch (125 steps). */
    W2("mnist", "examples/mnist_mlp.java", "mnist", new int[] {784, 128, 10}, Activation.SIGMOID, 64, 0.5, 125, 2000),
    /** wide: 784-1024-1024-10, relu, batch 256; the check is its first 8 steps (2,048 samples), not a whole epoch. */
    W3("wide", "bench/specs/wide_mlp.java", "mnist", new int[] {784, 1024, 1024, 10}, Activation.RELU, 256, 0.05, 8, 1024);

    /** The hidden layers' activation; the output layer is always softmax. */
    public enum Activation { TANH, SIGMOID, RELU }

    /** Seeds the initial weights (deltac's initializers, from the spec). */
    public static final long INIT_SEED = 42;
    /** Seeds the permutation that fixes the order of the samples. */
    public static final long ORDER_SEED = 7;

    public final String label;
    public final String spec;
    public final String dataset;
    private final int[] sizes;
    public final Activation activation;
    public final int batch;
    public final double learningRate;
    /** Steps of the loss check: trained from the initial weights, then the loss on the evaluation samples. */
    public final int checkSteps;
    /** The evaluation samples: the first this many of the data set, in its own order. */
    public final int evalCount;

    Workload(String label, String spec, String dataset, int[] sizes, Activation activation, int batch,
             double learningRate, int checkSteps, int evalCount) {
        this.label = label;
        this.spec = spec;
        this.dataset = dataset;
        this.sizes = sizes;
        this.activation = activation;
        this.batch = batch;
        this.learningRate = learningRate;
        this.checkSteps = checkSteps;
        this.evalCount = evalCount;
    }

    /** Layer widths, input first: {4, 8, 3} is 4-8-3. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Whether the benchmark also times predictions (the forward pass alone) on this workload. */
    public boolean timesInference() {
        return this == W2;
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int inputs() {
        return sizes[0];
    }

    public int classes() {
        return sizes[sizes.length - 1];
    }

    public Dataset data() {
        return dataset.equals("iris") ? Bundled.iris() : Bundled.mnistTrain();
    }

    /** Whole batches per epoch; a partial last batch is dropped. */
    public int stepsPerEpoch() {
        return data().size() / batch;
    }

    /** The spec under the repository root (the system property {@code deltac.bench.root}, else the working directory). */
    public Path specPath() {
        return root().resolve(spec);
    }

    public static Path root() {
        return Path.of(System.getProperty("deltac.bench.root", ".")).toAbsolutePath().normalize();
    }

    /** Accepts W1, w1, tiny, ... */
    public static Workload of(String name) {
        for (Workload w : values()) {
            if (w.name().equalsIgnoreCase(name) || w.label.equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload " + name + " (W1, W2, W3)");
    }
}
