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
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        Runner runner = warm(work, from, batch, warmupSeconds, runSeconds);
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            rates[r] = runner.run();
        }
        runner.checkFinite();
        return new Timed(rates, runner.callsPerRun());
    }

    /**
     * The warm-up alone: a runner whose every {@link Runner#run} is one timed run. {@link LoopPace} interleaves
     * them with its epochs, so that a drift of the machine's speed moves both rows alike.
     */
    public static Runner warm(IntToDoubleFunction work, int from, int batch, double warmupSeconds, double runSeconds) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive, got " + batch);
        }
        Runner runner = new Runner(work, from, batch);
        long start = System.nanoTime();
        int warm = 0;
        while (warm == 0 || System.nanoTime() - start < warmupSeconds * 1e9) {
            runner.call();
            warm++;
        }
        double perCall = (System.nanoTime() - start) / 1e9 / warm;
        runner.perRun = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.ceil(runSeconds / perCall)));
        runner.warmPace = batch / perCall;
        return runner;
    }

    /** Timed runs of a warmed-up kernel, each the same number of calls on the next batches. */
    public static final class Runner {
        private final IntToDoubleFunction work;
        private final int batch;
        private int cursor;
        private int perRun;
        private double sink;
        private double warmPace;

        private Runner(IntToDoubleFunction work, int from, int batch) {
            this.work = work;
            this.cursor = from;
            this.batch = batch;
        }

        private void call() {
            sink += work.applyAsDouble(cursor++);
        }

        /** One timed run: its samples/s. */
        public double run() {
            long t = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                call();
            }
            return (double) perRun * batch / ((System.nanoTime() - t) / 1e9);
        }

        public int callsPerRun() {
            return perRun;
        }

        /** Samples/s over the warm-up. */
        public double warmPace() {
            return warmPace;
        }

        /** Throws unless every loss the work returned was finite. */
        public void checkFinite() {
            if (!Double.isFinite(sink)) {
                throw new IllegalStateException("a timed call returned " + sink + " (a loss that is not finite)");
            }
        }
    }

    /** The median; of an even count, the mean of the middle two. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
