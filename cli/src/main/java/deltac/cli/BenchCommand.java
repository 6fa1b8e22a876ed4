package deltac.cli;

import deltac.cli.bench.LoopPace;
import deltac.cli.bench.Machine;
import deltac.cli.bench.Pace;
import deltac.codegen.Engine;
import deltac.graph.Graph;
import deltac.runtime.Feed;
import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Fit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deltac bench SPEC}: the generated trainer's steps per second, the training loop's beside it, and the EJML
 * engine's, timed as bench/run.sh times them ({@link Pace}, {@link LoopPace}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the spec's training steps with the settings deltac train would use (the flags, else the spec's "
                + "Training, else the defaults), as bench/run.sh times them: after a warm-up, the median samples/s of "
                + "timed runs of steps on batches of the data in a shuffled order (the kernel), then whole epochs of "
                + "the training loop (batches copied from the data, the numerics check, 10%% validated) and the EJML engine's steps.",
                "Without --data the samples are random. For the comparison with PyTorch and other peers, see bench/run.sh."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--data", paramLabel = "DATA", description = "the data (default: random samples): " + DataSets.HELP)
    String data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "a CSV file's label or target column (repeatable)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", description = "samples per step (default: the spec's, else 64)")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum or adam (default: the spec's, else adam)")
    TrainingRun.OptimizerKind optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: the spec's, else the optimizer's)")
    Double learningRate;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "timed runs of each row; the median is reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "seconds of warm-up before each row (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1", description = "length of a timed run of steps (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--epoch-seconds", paramLabel = "S", defaultValue = "2",
            description = "an epoch of the training loop lasts about this long at the kernel's pace: small data is repeated, "
                    + "up to 60,000 samples (default ${DEFAULT-VALUE})")
    double epochSeconds;

    @Option(names = "--skip-ejml", description = "leave the EJML engine's row out (it is slow on large specs)")
    boolean skipEjml;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        if (runs < 1 || runs > 1000 || !(warmup >= 0 && warmup <= 600) || !(seconds > 0 && seconds <= 600)
                || !(epochSeconds > 0 && epochSeconds <= 600) || (batch != null && (batch < 1 || batch > 100_000))) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--batch must be in 1..100000, --runs in 1..1000, --warmup in [0, 600], --seconds and --epoch-seconds in (0, 600]");
        }
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        TrainingRun flags = new TrainingRun();
        flags.batch = batch;
        flags.optimizer = optimizer;
        flags.learningRate = learningRate;
        Settings settings = flags.settings(graph);
        Trainer generated = trainer(graph, Engine.BYTECODE, settings);
        FeedSet samples = data == null ? random(generated.feeds(), generated.inputs().size())
                : DataSets.load(data, labels, settings.seed(), generated).train();
        int n = settings.batch();
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: batch %d, %s lr %s, float32, on %s (%,d samples)%n", graph.name(), n,
                settings.optimizerName(), plain(settings.learningRate()),
                data == null ? "random samples" : samples.name(), samples.size());
        out.println(Machine.describe());
        out.printf(Locale.ROOT, "warm-up %s s, then the median of %d timed runs (bench/README.md, \"Timing\")%n",
                plain(warmup), runs);
        out.flush();

        Steps steps = new Steps(generated, samples, n, settings.seed(), settings.optimizer(Long.MAX_VALUE, false));
        Pace.Runner kernelRuns = Pace.warm(steps::step, 0, n, warmup, seconds);
        LoopPace.Timed loop = LoopPace.time(generated, samples, () -> settings.optimizer(Long.MAX_VALUE, false), n, runs,
                warmup, epochSeconds, kernelRuns);
        double kernel = loop.kernelMedian();
        row(out, "kernel, generated", kernel, 1, "steps on prepared batches, each timed run just after an epoch");
        row(out, "training loop", loop.median(), loop.ratio(),
                String.format(Locale.ROOT, "deltac train's loop: epochs of %,d samples, %,d more validated", loop.epochSamples(), loop.validated()));
        if (!skipEjml) {
            Steps reference = new Steps(trainer(graph, Engine.EJML, settings), samples, n, settings.seed(),
                    settings.optimizer(Long.MAX_VALUE, false));
            double e = Pace.time(reference::step, 0, n, runs, warmup, seconds).median();
            row(out, "kernel, EJML engine", e, e / kernel, "the interpreter on EJML");
        }
        return 0;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** @param ratio the row's speed over the generated kernel's */
    private static void row(PrintWriter out, String what, double samplesPerSecond, double ratio, String note) {
        out.printf(Locale.ROOT, "  %-20s %,12.0f samples/s  %6.2f×  %s%n", what, samplesPerSecond, ratio, note);
        out.flush();
    }

    private static Trainer trainer(Graph graph, Engine engine, Settings settings) {
        EngineOptions options = new EngineOptions();
        options.engine = engine;
        options.precision = Precision.F32;
        return options.trainer(graph, settings.seed());
    }

    /**
     * Random samples for a spec without data: inputs uniform in [0, 1), a one-row target 0 or 1, a wider target
     * one-hot (what a classifier's loss reads). 4,096 samples, fewer for wide feeds (at most 16M values).
     */
    static FeedSet random(List<Feed> feeds, int inputCount) {
        int width = feeds.stream().mapToInt(Feed::rows).sum();
        int size = Math.max(1, Math.min(4096, (1 << 24) / Math.max(1, width)));
        SplittableRandom rng = new SplittableRandom(7);
        float[][] values = new float[feeds.size()][];
        for (int k = 0; k < feeds.size(); k++) {
            int rows = feeds.get(k).rows();
            values[k] = new float[size * rows];
            for (int s = 0; s < size; s++) {
                if (k < inputCount) {
                    for (int r = 0; r < rows; r++) {
                        values[k][s * rows + r] = (float) rng.nextDouble();
                    }
                } else {
                    values[k][s * rows + (rows == 1 ? 0 : rng.nextInt(rows))] = rows == 1 ? rng.nextInt(2) : 1;
                }
            }
        }
        return new FeedSet("random", size, feeds, values, List.of());
    }

    /**
     * The batches of an epoch in a shuffled order, made before the timing (at most 64M values of them; later steps
     * cycle through those).
     */
    private static final class Steps {
        private final Trainer trainer;
        private final float[][][] batches;
        private final int n;
        private final Optimizer optimizer;

        Steps(Trainer trainer, FeedSet data, int n, long seed, Optimizer optimizer) {
            this.trainer = trainer;
            this.optimizer = optimizer;
            this.n = Math.min(n, data.size());
            int[] order = Fit.identity(data.size());
            Fit.shuffle(order, new SplittableRandom(seed));
            int width = trainer.feeds().stream().mapToInt(Feed::rows).sum();
            int count = (int) Math.max(1, Math.min(data.size() / this.n, (1L << 26) / ((long) width * this.n)));
            batches = new float[count][trainer.feeds().size()][];
            for (int b = 0; b < count; b++) {
                for (int k = 0; k < trainer.feeds().size(); k++) {
                    batches[b][k] = new float[trainer.feeds().get(k).rows() * this.n];
                }
                data.copyBatch(trainer.feeds(), order, b * this.n, this.n, batches[b]);
            }
        }

        double step(int s) {
            return trainer.step(batches[s % batches.length], n, optimizer);
        }
    }
}
