package deltac.spark;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecException;
import deltac.runtime.Feed;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a spec on a Spark cluster, data-parallel: the driver compiles the spec, the executors run its generated
 * trainer on the partitions they hold, and Spark's broadcast and {@code treeAggregate} move the numbers.
 *
 * <pre>{@code
 * Graph net = Spec.parse(Path.of("examples/mnist_mlp.java"));
 * FeedSet train = FeedSet.bind(Bundled.mnistTrain(), Compiler.compile(net, Precision.F32)); // x ← pixels, y ← one-hot
 * JavaRDD<float[][]> samples = SparkFit.samples(spark, train, 2);     // or any RDD of samples
 * SparkFitResult r = SparkFit.run(net, samples, SparkFitOptions.defaults().epochs(5).batchSize(64)
 *         .optimizer(OptimizerChoice.adam(0.005)));                    // synchronous: one machine's result
 * Fit.evaluate(r.trainer(), FeedSet.bind(Bundled.mnistTest(), r.trainer()), 256).accuracy();
 * }</pre>
 *
 * <p>A sample is an array per feed, in the trainer's {@code feeds()} order (inputs, then targets), each of the feed's
 * rows. Synchronous mode gives the result of the runtime's {@code Fit.run} on one machine with the same seed, global
 * batch and sample order, up to the order of float sums (exactly, with one partition; with two, the partitions' sums
 * commute, so a rerun is bitwise the same). Losses are batch means, as every spec loss is; a loss that sums over the
 * batch instead would be scaled by the partitions' shares.
 */
public final class SparkFit {
    private SparkFit() {}

    /**
     * Trains the spec on the samples.
     *
     * @throws TrainingDataException (one line, naming the feed and the sample) when the data does not fit the spec or
     *     cannot be read
     */
    public static SparkFitResult run(Graph graph, JavaRDD<float[][]> samples, SparkFitOptions options) {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(samples.context());
        TrainerClass type = TrainerClass.compile(graph);
        Trainer trainer = type.initializedTrainer(graph, options.seed());
        Shards.Cached data = Shards.of(samples, FeedShapes.of(trainer));
        Broadcast<TrainerClass> shipped = spark.broadcast(type);
        try {
            if (options.isSynchronous()) {
                return new EpochLoop(spark, trainer, new SynchronousSteps(spark, data.shards(), shipped, trainer,
                        options.optimizer().create(), options.batchSize()), options).run(data.size());
            }
            AveragingRounds rounds = new AveragingRounds(spark, data.shards(), shipped, trainer, options.optimizer(),
                    options.batchSize(), options.averageEvery());
            try {
                return new EpochLoop(spark, trainer, rounds, options).run(data.size());
            } finally {
                rounds.finish();
            }
        } finally {
            shipped.destroy();
            data.shards().unpersist(false);
        }
    }

    /** Trains on a table with a column per feed, named as in the spec: see {@link RowSamples}. */
    public static SparkFitResult run(Graph graph, Dataset<Row> rows, SparkFitOptions options) {
        return run(graph, RowSamples.of(rows, feedsOf(graph), graph.name()), options);
    }

    /** Reads the spec, then trains as {@link #run(Graph, JavaRDD, SparkFitOptions)}. */
    public static SparkFitResult run(Path spec, JavaRDD<float[][]> samples, SparkFitOptions options)
            throws SpecException {
        try {
            return run(Spec.parse(spec), samples, options);
        } catch (IOException e) {
            throw new UncheckedIOException(spec + ": " + e.getMessage(), e);
        }
    }

    /** The feeds a sample holds, in order: the spec's inputs, then the targets its loss uses. */
    static List<Feed> feedsOf(Graph graph) {
        return TrainerClass.compile(graph).newTrainer().feeds(); // the trainer's own list: only targets the loss uses
    }

    /** Data already on the driver, as samples in {@code partitions} partitions, in the data's order. */
    public static JavaRDD<float[][]> samples(JavaSparkContext spark, FeedSet data, int partitions) {
        List<float[][]> samples = new ArrayList<>(data.size());
        List<Feed> feeds = data.feeds();
        for (int i = 0; i < data.size(); i++) {
            float[][] sample = new float[feeds.size()][];
            for (int k = 0; k < feeds.size(); k++) {
                int r = feeds.get(k).rows();
                float[] all = data.values(feeds.get(k).name());
                sample[k] = Arrays.copyOfRange(all, i * r, (i + 1) * r);
            }
            samples.add(sample);
        }
        return spark.parallelize(samples, partitions);
    }
}
