package deltac.runtime.train;

import java.io.PrintStream;

/**
 * Where {@link Fit#run} reports progress. Every method but {@link #epochDone} has an empty default. Called on the
 * training thread; {@link #batchDone} after every step, so keep it cheap.
 *
 * <pre>{@code
 * FitOptions.defaults().progress(ProgressSink.plain(System.out));   // a line per epoch (the deltac command draws a bar)
 * }</pre>
 */
public interface ProgressSink {

    /** Training starts: {@code epochs} epochs of {@code batches} batches, {@code samples} training samples each. */
    default void started(int epochs, int batches, int samples) {}

    /** Batch {@code batch} (from 1) of epoch {@code epoch} (from 1) is done. */
    default void batchDone(int epoch, int batch, double runningLoss, double samplesPerSecond) {}

    /** An epoch is done, validation included. */
    void epochDone(EpochStats stats, int epochs);

    /** Training ended: normally, early, or by an exception (then {@code history} holds the epochs completed). */
    default void finished(History history) {}

    /** Reports nothing. */
    static ProgressSink silent() {
        return (stats, epochs) -> {};
    }

    /** One line per epoch, as {@link PlainProgress#line}. */
    static ProgressSink plain(PrintStream out) {
        return new PlainProgress(out);
    }

}
