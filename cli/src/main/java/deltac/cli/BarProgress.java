package deltac.cli;

import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import deltac.runtime.train.PlainProgress;
import deltac.runtime.train.ProgressSink;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live bar per epoch (me.tongfei progressbar): batches done, running loss and samples/s. When the epoch ends the
 * bar is cleared and replaced by the epoch's plain line ({@link PlainProgress#line}), which, unlike the bar, is
 * never cut to the terminal's width and stays in the scrollback. The bar's text is rebuilt at most every 100 ms so
 * a fast step does not pay for string formatting.
 */
final class BarProgress implements ProgressSink {

    private static final long REFRESH_NANOS = 100_000_000L;

    private final PrintStream out;
    private int epochs;
    private int batches;
    private ProgressBar bar;
    private int barEpoch;
    private long lastMessage;
    private double lastRate = Double.NaN;

    BarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(int epochs, int batches, int samples) {
        this.epochs = epochs;
        this.batches = batches;
    }

    @Override
    public void batchDone(int epoch, int batch, double runningLoss, double samplesPerSecond) {
        if (bar == null || barEpoch != epoch) {
            close();
            bar = new ProgressBarBuilder()
                    .setTaskName("epoch " + epoch + "/" + epochs)
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(200)
                    .clearDisplayOnFinish()
                    .build();
            barEpoch = epoch;
            lastMessage = 0;
            lastRate = Double.NaN;
        }
        bar.stepTo(batch);
        if (samplesPerSecond == lastRate && batch != batches) {
            return; // the loop reads the clock about once a millisecond: no newer figure, and no clock read here
        }
        lastRate = samplesPerSecond;
        long now = System.nanoTime();
        if (now - lastMessage >= REFRESH_NANOS || batch == batches) {
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f  %,.0f samples/s", runningLoss, samplesPerSecond));
            lastMessage = now;
        }
    }

    @Override
    public void epochDone(EpochStats stats, int epochs) {
        close();
        out.println(PlainProgress.line(stats, epochs));
        out.flush();
    }

    @Override
    public void finished(History history) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
