package deltac.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/** One plain line per epoch, for logs, pipes and CI, where a redrawn bar would be noise. */
public final class PlainProgress implements ProgressSink {

    private final PrintStream out;

    PlainProgress(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void epochDone(EpochStats stats, int epochs) {
        out.println(line(stats, epochs));
        out.flush();
    }

    /**
     * {@code epoch 3/10  loss 0.2831  val loss 0.3012  val acc 91.35%  52,310 samples/s  1.2 s}: fields two spaces
     * apart, those not measured left out.
     */
    public static String line(EpochStats s, int epochs) {
        return "epoch " + s.epoch() + "/" + epochs + "  " + measures(s) + "  "
                + String.format(Locale.ROOT, "%,.0f samples/s  %.1f s", s.samplesPerSecond(), s.seconds());
    }

    private static String measures(EpochStats s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", s.trainLoss()));
        if (!Double.isNaN(s.trainAccuracy())) {
            b.append(String.format(Locale.ROOT, "  acc %.2f%%", 100 * s.trainAccuracy()));
        }
        if (!Double.isNaN(s.validationLoss())) {
            b.append(String.format(Locale.ROOT, "  val loss %.4f", s.validationLoss()));
        }
        if (!Double.isNaN(s.validationAccuracy())) {
            b.append(String.format(Locale.ROOT, "  val acc %.2f%%", 100 * s.validationAccuracy()));
        }
        return b.toString();
    }
}
