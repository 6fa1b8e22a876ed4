package deltac.runtime.train;

import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.kernels.Finite;
import java.util.List;

/**
 * The training loop's NaN/∞ check: after each step, the loss and every gradient. It remembers the first and the
 * largest finite loss, so that when something goes non-finite it can tell a diverging run (a learning rate too
 * high) from a NaN out of nowhere (a log of 0, bad data). The engines check each op on their own; this is the
 * loop's part.
 */
final class NumericsGuard {

    /** Growth from the first loss that counts as divergence on its own. */
    static final double DIVERGED = 1e3;
    /** Growth that counts as divergence when a NaN or ∞ follows it. */
    static final double GREW = 10;

    private double first = Double.NaN;
    private double peak = Double.NaN;

    /**
     * Checks the step just taken.
     *
     * @param step the global step, from 1
     * @param epoch the epoch, from 1
     * @param learningRate the rate the step used
     * @throws NumericsException when the loss or a gradient holds a NaN or an infinity
     */
    void check(double loss, Trainer trainer, long step, int epoch, double learningRate) {
        List<Tensor> gradients = trainer.gradients();
        int bad = -1;
        int badCount = 0;
        for (int i = 0; i < gradients.size(); i++) {
            if (!finite(gradients.get(i))) {
                bad = bad < 0 ? i : bad;
                badCount++;
            }
        }
        if (Double.isFinite(loss) && bad < 0) {
            if (Double.isNaN(first)) {
                first = loss;
            }
            peak = Double.isNaN(peak) ? loss : Math.max(peak, loss);
            return;
        }
        String parameter = bad < 0 ? null : trainer.parameters().get(bad).name();
        String gradient = bad < 0 ? null : gradientNote(gradients.get(bad), parameter, badCount);
        throw new NumericsException(message(loss, gradient, step, epoch, learningRate), step, epoch, parameter);
    }

    private String message(double loss, String gradient, long step, int epoch, double learningRate) {
        String where = "at step " + step + " (epoch " + epoch + ")";
        String rate = Numbers.compact(learningRate);
        if (diverged(loss)) {
            double shown = Double.isFinite(loss) ? Math.max(peak, loss) : peak;
            String path = Numbers.compact(first) + " → " + Numbers.compact(shown)
                    + (Double.isFinite(loss) && loss == shown ? "" : " → " + Numbers.compact(loss));
            return "the loss diverged " + where + ": " + path + (gradient == null ? "" : ", and " + gradient)
                    + "; the learning rate " + rate + " is probably too high, try " + Numbers.compact(learningRate / 10);
        }
        String what = Double.isFinite(loss)
                ? gradient + " " + where + " while the loss was " + Numbers.compact(loss)
                : "the loss became " + Numbers.compact(loss) + " " + where
                        + (Double.isNaN(first) ? "" : " after " + Numbers.compact(first) + " at first")
                        + (gradient == null ? "" : ", and " + gradient);
        return what + "; look for a log or division of 0 in the spec and for NaN in the data, or lower the learning rate "
                + rate;
    }

    /**
     * Whether the run diverged before this non-finite step: its largest loss grew more than {@link #DIVERGED}× from
     * the first, or more than {@link #GREW}× before going non-finite. Called only on a non-finite step, where the
     * second rule covers the first; both are named so the rule reads as it is meant.
     */
    private boolean diverged(double loss) {
        if (Double.isNaN(first)) {
            return false;
        }
        double largest = Double.isFinite(loss) ? Math.max(peak, loss) : peak;
        double base = Math.abs(first);
        return largest > DIVERGED * base || largest > GREW * base;
    }

    private static String gradientNote(Tensor g, String parameter, int badCount) {
        double value = firstNonFinite(g);
        return "the gradient of " + parameter + " went " + Numbers.compact(value)
                + (badCount > 1 ? " (and " + (badCount - 1) + " more)" : "");
    }

    private static boolean finite(Tensor t) {
        return t.f32() != null ? Finite.all(t.f32()) : Finite.all(t.f64());
    }

    /** The first NaN or ±∞ in t, or 0 when all values are finite. */
    private static double firstNonFinite(Tensor t) {
        if (t.f32() != null) {
            for (float v : t.f32()) {
                if (!Float.isFinite(v)) {
                    return v;
                }
            }
        } else {
            for (double v : t.f64()) {
                if (!Double.isFinite(v)) {
                    return v;
                }
            }
        }
        return 0;
    }
}
