package deltac.bench;

import java.util.Arrays;
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

        int cursor = w.checkSteps;
        long start = System.nanoTime();
        int warmSteps = 0;
        double sink = 0;
        while (warmSteps == 0 || System.nanoTime() - start < warmupSeconds * 1e9) {
            sink += c.step(cursor++);
            warmSteps++;
        }
        double perStep = (System.nanoTime() - start) / 1e9 / warmSteps;
        int stepsPerRun = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.ceil(runSeconds / perStep)));
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < stepsPerRun; i++) {
                sink += c.step(cursor++);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            rates[r] = (double) stepsPerRun * w.batch / seconds;
        }
        finite(sink, cursor);
        double[] inference = w.timesInference() ? inference(c, w, runs, warmupSeconds, runSeconds) : new double[0];
        return new Result(w, name, c, loss, first, checkSeconds, stepsPerRun, rates, inference);
    }

    /** Predictions of the epoch's batches in turn, after training: warm-up, then timed runs, as for training. */
    private static double[] inference(Contestant c, Workload w, int runs, double warmupSeconds, double runSeconds) {
        double sink = 0;
        int cursor = 0;
        long start = System.nanoTime();
        int warm = 0;
        while (warm == 0 || System.nanoTime() - start < warmupSeconds * 1e9) {
            sink += c.infer(cursor++);
            warm++;
        }
        double perBatch = (System.nanoTime() - start) / 1e9 / warm;
        int batchesPerRun = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.ceil(runSeconds / perBatch)));
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < batchesPerRun; i++) {
                sink += c.infer(cursor++);
            }
            rates[r] = (double) batchesPerRun * w.batch / ((System.nanoTime() - t) / 1e9);
        }
        finite(sink, -1);
        return rates;
    }

    private static void finite(double loss, int step) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss " + loss + (step >= 0 ? " at step " + step : " on the evaluation samples"));
        }
    }
}
