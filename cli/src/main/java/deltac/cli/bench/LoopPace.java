package deltac.cli.bench;

import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import deltac.runtime.train.History;
import deltac.runtime.train.ProgressSink;
import java.util.function.Supplier;

/**
 * The training loop's pace, beside the kernel's ({@link Pace}): whole epochs of {@link Fit#run} with what
 * {@code deltac train} does by default (shuffling, batches copied from the data, the numerics check, 10% held out
 * and validated after every epoch), timed epoch by epoch. An epoch's samples/s is its training samples over its
 * whole wall time, validation included.
 *
 * <p>The data is repeated, when it is small, so that an epoch lasts about {@code epochSeconds} at the kernel's pace,
 * up to {@link #EPOCH_SAMPLES} samples (the size of MNIST's training set): the per-epoch work then weighs what it
 * weighs on a real data set.
 */
public final class LoopPace {
    private LoopPace() {}

    /** The most samples an epoch is repeated up to. */
    public static final int EPOCH_SAMPLES = 60_000;
    /** The fraction held out for validation: {@code deltac train}'s default. */
    public static final double VALIDATION = 0.1;

    /**
     * Samples/s of each timed epoch and of the kernel's timed run just after it, the samples an epoch trains on,
     * and those it validates.
     */
    public record Timed(double[] samplesPerSecond, double[] kernelSamplesPerSecond, int epochSamples, int validated) {
        public double median() {
            return Pace.median(samplesPerSecond);
        }

        public double kernelMedian() {
            return Pace.median(kernelSamplesPerSecond);
        }

        /** The median of each epoch's pace over its paired kernel run's: the loop's share of the kernel's speed. */
        public double ratio() {
            double[] ratios = new double[samplesPerSecond.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = samplesPerSecond[i] / kernelSamplesPerSecond[i];
            }
            return Pace.median(ratios);
        }
    }

    /**
     * Times {@code runs} epochs, each followed by one of the kernel's timed runs: on a machine whose speed drifts
     * (a shared VM moves by ±35% between minutes), pairs measured in the same stretch of time give a ratio that two
     * series measured one after the other do not.
     *
     * @param kernel the kernel, warmed up; its warm-up's pace sizes the epoch
     * @param optimizer a new optimizer for each {@link Fit#run}
     */
    public static Timed time(Trainer trainer, FeedSet data, Supplier<Optimizer> optimizer, int batch, int runs,
                             double warmupSeconds, double epochSeconds, Pace.Runner kernel) {
        FeedSet epoch = repeated(data, (int) Math.min(EPOCH_SAMPLES, Math.max(1, kernel.warmPace() * epochSeconds)));
        double[] kernelRates = new double[runs];
        ProgressSink pairedKernelRuns = new ProgressSink() {
            @Override
            public void epochDone(EpochStats stats, int epochs) {
                kernelRates[stats.epoch() - 1] = kernel.run();
            }
        };
        FitOptions options = FitOptions.defaults().batchSize(batch).validationSplit(VALIDATION).checkNumerics(true);
        long start = System.nanoTime();
        do {
            Fit.run(trainer, epoch, null, optimizer.get(), options.epochs(1));
        } while (System.nanoTime() - start < warmupSeconds * 1e9);
        History history = Fit.run(trainer, epoch, null, optimizer.get(), options.epochs(runs).progress(pairedKernelRuns));
        kernel.checkFinite();
        int validated = (int) Math.round(epoch.size() * VALIDATION);
        int trained = epoch.size() - validated;
        double[] rates = new double[history.epochs().size()];
        for (int e = 0; e < rates.length; e++) {
            EpochStats stats = history.epochs().get(e);
            rates[e] = trained / stats.seconds();
        }
        return new Timed(rates, kernelRates, trained, validated);
    }

    /** The data, whole, repeated until it holds at least {@code samples} (itself when it already does). */
    static FeedSet repeated(FeedSet data, int samples) {
        int times = (samples + data.size() - 1) / data.size();
        if (times <= 1) {
            return data;
        }
        int[] indices = new int[times * data.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i % data.size();
        }
        return data.pick(indices, data.name() + " ×" + times);
    }
}
