package deltac.spark;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecException;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point:
 * {@code spark-submit --class deltac.spark.Train deltac-spark.jar SPEC --data PATH [options]}. Prints a line per
 * epoch; a user error is one line on standard error and exit 1, a usage error exit 2.
 */
public final class Train {
    private Train() {}

    static final String USAGE = "usage: spark-submit --class deltac.spark.Train deltac-spark.jar SPEC --data PATH"
            + " [--mode sync|average] [--average-every K] [--partitions N] [--batch N] [--epochs N]"
            + " [--optimizer sgd|momentum|adam] [--lr RATE] [--momentum MU] [--seed N] [--label COLUMN] [--save FILE]";

    private static final Set<String> OPTIONS = Set.of("data", "mode", "average-every", "partitions", "batch", "epochs",
            "optimizer", "lr", "momentum", "seed", "label", "save");

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("deltac").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command on {@code spark}; returns the exit code. */
    static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> flags = new HashMap<>();
            String spec = parse(args, flags);
            Graph graph = Spec.parse(Path.of(spec));
            SparkFitOptions options = TrainSettings.from(flags, graph.training());
            int partitions = TrainSettings.partitions(flags, spark.sparkContext().defaultParallelism());
            Trainer shape = TrainerClass.compile(graph).newTrainer();
            DataSources.Loaded data = DataSources.load(spark, flags.get("data"), flags.get("label"), shape, partitions);
            out.printf(Locale.ROOT, "training %s on %s with Spark %s (%s, %d partitions): %s, %s, batch %d, %d epochs%n",
                    graph.name(), data.name(), spark.version(), spark.sparkContext().master(), partitions,
                    options.isSynchronous() ? "synchronous" : "averaging every " + options.averageEvery() + " steps",
                    options.optimizer(), options.batchSize(), options.epochs());
            SparkFitResult result = SparkFit.run(graph, data.samples(), options.validation(data.heldOut()));
            for (EpochStats e : result.history().epochs()) {
                out.printf(Locale.ROOT, "epoch %d: loss %.4f%s, %.0f samples/s%n", e.epoch(), e.trainLoss(),
                        e.hasValidation() && !Double.isNaN(e.validationAccuracy())
                                ? String.format(Locale.ROOT, ", held-out accuracy %.2f%%", 100 * e.validationAccuracy()) : "",
                        e.samplesPerSecond());
            }
            out.printf(Locale.ROOT, "%d synchronizations, %.1f ms each%n", result.synchronizations(),
                    1000 * result.secondsPerSynchronization());
            if (data.heldOut() != null) {
                Evaluation test = Fit.evaluate(result.trainer(), data.heldOut(), 256);
                out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% on %,d held-out samples%n", test.loss(),
                        100 * test.accuracy(), test.samples());
            }
            if (flags.containsKey("save")) {
                Checkpoints.save(result.trainer(), Path.of(flags.get("save")), Map.of("deltac.spec", spec));
                out.println("saved the weights to " + flags.get("save"));
            }
            return 0;
        } catch (TrainSettings.UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (SpecException | TrainingDataException | CheckpointException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read the spec: " + e.getMessage());
            return 1;
        }
    }

    /** The spec's path; the options into {@code flags}, by name without the dashes. */
    private static String parse(String[] args, Map<String, String> flags) {
        String spec = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (!OPTIONS.contains(name)) {
                    throw new TrainSettings.UsageException("unknown option " + arg);
                }
                if (i + 1 >= list.size()) {
                    throw new TrainSettings.UsageException(arg + " needs a value");
                }
                flags.put(name, list.get(++i));
            } else if (spec == null) {
                spec = arg;
            } else {
                throw new TrainSettings.UsageException("one spec, got " + spec + " and " + arg);
            }
        }
        if (spec == null || !flags.containsKey("data")) {
            throw new TrainSettings.UsageException(spec == null ? "give a spec" : "give --data");
        }
        return spec;
    }
}
