package deltac.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The protocol every contestant of bench/run.sh follows (bench/pytorch_bench.py repeats it in Python):
 * <ol>
 * <li>check: from the shared initial weights, {@link Workload#checkSteps} steps in the shared order, then the loss
 *     on the evaluation samples: the figure every contestant must agree on;</li>
 * <li>warm-up: steps, continuing the order, for at least {@code warmupSeconds};</li>
 * <li>{@code runs} timed runs of the same number of steps each, enough for {@code runSeconds} by the warm-up's
 *     pace (at least one), continuing the order; samples/s of each, and their median.</li>
 * </ol>
 * The batches were made before (outside the timing); each step's loss is summed so that nothing is optimized
 * away, and must stay finite.
 */
final class Measure {
    private Measure() {}

    /** {@code inferPerSecond} is empty when the workload does not time inference. */
    record Result(Workload workload, String name, Contestant contestant, double loss, double firstLoss,
                  double checkSeconds, int stepsPerRun, double[] samplesPerSecond, double[] inferPerSecond) {
        double median() {
            return Measure.median(samplesPerSecond);
        }

        /** One line of JSON, as bench/run.sh reads it. */
        String json() {
            String runs = list(samplesPerSecond);
            String inference = inferPerSecond.length == 0 ? "" : String.format(Locale.ROOT,
                    ", \"infer_samples_per_s\": [%s], \"infer_median\": %.1f", list(inferPerSecond), Measure.median(inferPerSecond));
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
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    static Result run(String name, Contestant c, BenchData data, int runs, double warmupSeconds, double runSeconds) {
        Workload w = data.workload;
        c.reset();
        long t0 = System.nanoTime();
        double first = c.step(0);
        for (int s = 1; s < w.checkSteps; s++) {
            finite(c.step(s), s);
        }
        double checkSeconds = (System.nanoTime() - t0) / 1e9;
        double loss = c.evalLoss();
        finite(loss, -1);

        Timed training = time(c::step, w.checkSteps, w.batch, runs, warmupSeconds, runSeconds);
        double[] inference = w.timesInference()
                ? time(c::infer, 0, w.batch, runs, warmupSeconds, runSeconds).rates : new double[0];
        return new Result(w, name, c, loss, first, checkSeconds, training.perRun, training.rates, inference);
    }

    /** Samples/s of each timed run, and the calls in each. */
    private record Timed(double[] rates, int perRun) {}

    /**
     * Calls {@code work} on batch {@code from}, {@code from + 1}, …: warm-up for {@code warmupSeconds}, then
     * {@code runs} timed runs of as many calls as the warm-up's pace fits in {@code runSeconds} (at least one).
     */
    private static Timed time(IntToDoubleFunction work, int from, int batch, int runs, double warmupSeconds,
                              double runSeconds) {
        int cursor = from;
        double sink = 0;
        long start = System.nanoTime();
        int warm = 0;
        while (warm == 0 || System.nanoTime() - start < warmupSeconds * 1e9) {
            sink += work.applyAsDouble(cursor++);
            warm++;
        }
        double perCall = (System.nanoTime() - start) / 1e9 / warm;
        int perRun = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.ceil(runSeconds / perCall)));
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                sink += work.applyAsDouble(cursor++);
            }
            rates[r] = (double) perRun * batch / ((System.nanoTime() - t) / 1e9);
        }
        finite(sink, cursor);
        return new Timed(rates, perRun);
    }

    private static void finite(double loss, int step) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss " + loss + (step >= 0 ? " at step " + step : " on the evaluation samples"));
        }
    }
}
