package deltac.runtime.train;

import java.util.function.LongSupplier;

/**
 * An epoch's samples/s so far, for {@link ProgressSink#batchDone}, reading the clock about once a millisecond
 * instead of after every step: {@code System.nanoTime()} takes 40 ns on this project's VMs, a tenth of a
 * one-sample step of a small network.
 */
final class StepRate {
    private static final long READ_EVERY_NANOS = 1_000_000;

    private final LongSupplier clock;
    private final long start;
    private int nextRead = 1;
    private double rate = Double.NaN;

    StepRate(long startNanos) {
        this(System::nanoTime, startNanos);
    }

    StepRate(LongSupplier clock, long startNanos) {
        this.clock = clock;
        this.start = startNanos;
    }

    /** The rate after {@code batch} batches (from 1) and {@code seen} samples: read anew on the last batch too. */
    double after(int batch, int seen, boolean last) {
        if (batch >= nextRead || last) {
            long elapsed = Math.max(clock.getAsLong() - start, 1);
            rate = seen / (elapsed / 1e9);
            long batchesPerRead = READ_EVERY_NANOS * batch / elapsed; // at the pace so far
            nextRead = batch + (int) Math.max(1, Math.min(batchesPerRead, 1 << 20));
        }
        return rate;
    }
}
