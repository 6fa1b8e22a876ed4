package deltac.cli.bench;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * How {@code deltac bench} and bench/run.sh time a kernel (bench/pytorch_bench.py repeats it in Python): calls on
 * batch {@code from}, {@code from + 1}, … for at least the warm-up's seconds, then {@code runs} timed runs of the
 * same number of calls each, as many as fit in {@code runSeconds} at the warm-up's pace (at least one). Each run's
 * samples/s; the figure is their median. The work returns a loss (or any number read from its result), summed so
 * that nothing is optimized away; it must stay finite.
 */
public final class Pace {
    private Pace() {}

    /** Samples/s of each timed run, and the calls in each. */
    public record Timed(double[] samplesPerSecond, int callsPerRun) {
        public double median() {
            return Pace.median(samplesPerSecond);
        }
    }

    public static Timed time(IntToDoubleFunction work, int from, int batch, int runs, double warmupSeconds,
                             double runSeconds) {
        if (runs < 1 || batch < 1) {
            throw new IllegalArgumentException("runs and batch must be positive, got " + runs + " and " + batch);
        }
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
        if (!Double.isFinite(sink)) {
            throw new IllegalStateException("a timed call returned " + sink + " (a loss that is not finite)");
        }
        return new Timed(rates, perRun);
    }

    /** The median; of an even count, the mean of the middle two. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
