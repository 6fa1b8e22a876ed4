package deltac.bench;

import deltac.cli.bench.LoopPace;
import deltac.cli.bench.Pace;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Sgd;
import java.util.Locale;

/**
 * The protocol every contestant of bench/run.sh follows (bench/pytorch_bench.py repeats it in Python):
 * <ol>
 * <li>check: from the shared initial weights, {@link Workload#checkSteps} steps in the shared order, then the loss
 *     on the evaluation samples: the figure every contestant must agree on;</li>
 * <li>warm-up: steps, continuing the order, for at least {@code warmupSeconds};</li>
 * <li>{@code runs} timed runs of the same number of steps each, enough for {@code runSeconds} by the warm-up's
 *     pace (at least one), continuing the order; samples/s of each, and their median.</li>
 * </ol>
 * Steps 2 and 3 are {@link Pace}, which {@code deltac bench} times with too.
 * The batches were made before (outside the timing); each step's loss is summed so that nothing is optimized
 * away, and must stay finite.
 */
final class Measure {
    private Measure() {}

    /**
     * {@code inferPerSecond} is empty when the workload does not time inference; {@code kernelPerSecond} is empty but
     * for the training loop's row, where {@code samplesPerSecond} are its epochs and these its kernel's runs.
     */
    record Result(Workload workload, String name, Contestant contestant, double loss, double firstLoss,
                  double checkSeconds, int stepsPerRun, double[] samplesPerSecond, double[] inferPerSecond,
                  double[] kernelPerSecond) {
        double median() {
            return Measure.median(samplesPerSecond);
        }

        /** One line of JSON, as bench/run.sh reads it. */
        String json() {
            String runs = list(samplesPerSecond);
            String inference = inferPerSecond.length == 0 ? "" : String.format(Locale.ROOT,
                    ", \"infer_samples_per_s\": [%s], \"infer_median\": %.1f", list(inferPerSecond), Measure.median(inferPerSecond));
            inference += kernelPerSecond.length == 0 ? "" : String.format(Locale.ROOT,
                    ", \"kernel_samples_per_s\": [%s], \"kernel_median\": %.1f", list(kernelPerSecond), Measure.median(kernelPerSecond));
            return String.format(Locale.ROOT,
                    "{\"workload\": \"%s\", \"contestant\": \"%s\", \"title\": \"%s\", \"jdk\": %d, \"threads\": \"%s\", "
                            + "\"details\": \"%s\", \"loss\": %s, \"first_loss\": %s, \"check_seconds\": %.3f, "
                            + "\"steps_per_run\": %d, \"samples_per_s\": [%s], \"median\": %.1f%s}",
                    workload.name(), name, contestant.title(), Runtime.version().feature(), contestant.threads(),
                    contestant.details(), Double.toString(loss), Double.toString(firstLoss), checkSeconds, stepsPerRun,
                    runs, median(), inference);
        }

        private static String list(double[] values) {
            StringBuilder out = new StringBuilder();
            for (double v : values) {
                out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
            }
            return out.toString();
        }
    }

    static double median(double[] values) {
        return Pace.median(values);
    }

    static Result run(String name, Contestant c, BenchData data, int runs, double warmupSeconds, double runSeconds) {
        Check check = check(c, data.workload);
        Workload w = data.workload;
        Pace.Timed training = Pace.time(c::step, w.checkSteps, w.batch, runs, warmupSeconds, runSeconds);
        double[] inference = w.timesInference()
                ? Pace.time(c::infer, 0, w.batch, runs, warmupSeconds, runSeconds).samplesPerSecond() : new double[0];
        return new Result(w, name, c, check.loss, check.first, check.seconds, training.callsPerRun(),
                training.samplesPerSecond(), inference, new double[0]);
    }

    /**
     * The training loop's row: the check as {@link #run} does it, then whole epochs of {@code deltac train}'s loop
     * ({@link LoopPace}) on the workload's data, repeated to epochs of about two seconds, each followed by one of the
     * kernel's timed runs: the row's kernel figures are those runs, paired with the epochs.
     */
    static Result runLoop(String name, DeltacContestant c, BenchData data, int runs, double warmupSeconds,
                          double runSeconds) throws Exception {
        Check check = check(c, data.workload);
        Workload w = data.workload;
        Pace.Runner kernel = Pace.warm(c::step, w.checkSteps, w.batch, warmupSeconds, runSeconds);
        FeedSet samples = FeedSet.bind(data.set, c.trainer());
        LoopPace.Timed loop = LoopPace.time(c.trainer(), samples, () -> new Sgd(w.learningRate), w.batch, runs,
                warmupSeconds, 2, kernel);
        return new Result(w, name, c, check.loss, check.first, check.seconds, loop.epochSamples(),
                loop.samplesPerSecond(), new double[0], loop.kernelSamplesPerSecond());
    }

    /** The loss after the workload's check steps from the contestant's initial weights, and the first step's. */
    private record Check(double loss, double first, double seconds) {}

    private static Check check(Contestant c, Workload w) {
        c.reset();
        long t0 = System.nanoTime();
        double first = c.step(0);
        for (int s = 1; s < w.checkSteps; s++) {
            finite(c.step(s), s);
        }
        double checkSeconds = (System.nanoTime() - t0) / 1e9;
        double loss = c.evalLoss();
        finite(loss, -1);
        return new Check(loss, first, checkSeconds);
    }

    private static void finite(double loss, int step) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss " + loss + (step >= 0 ? " at step " + step : " on the evaluation samples"));
        }
    }
}
