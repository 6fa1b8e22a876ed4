package deltac.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A chart's vertical axis, linear or logarithmic: where a value goes (0 at the bottom, 1 at the top) and its ticks. */
final class Axis {
    private final double lo;
    private final double hi;
    private final boolean log;
    private final List<Double> ticks;

    private Axis(double lo, double hi, boolean log, List<Double> ticks) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.ticks = List.copyOf(ticks);
    }

    /** From {@code lo} to {@code hi}, widened to round ticks ("nice numbers": steps of 1, 2 or 5 times a power of ten). */
    static Axis linear(double lo, double hi, boolean fromZero) {
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        double step = nice((hi - lo) / 5);
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = first; t <= last + step / 2; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return new Axis(first, last, false, ticks);
    }

    /** Decades that hold {@code lo} to {@code hi} (both positive), with 2 and 5 between when the range is short. */
    static Axis log(double lo, double hi) {
        int from = (int) Math.floor(Math.log10(lo));
        int to = (int) Math.ceil(Math.log10(hi));
        if (to == from) {
            to++;
        }
        List<Double> ticks = new ArrayList<>();
        for (int e = from; e <= to; e++) {
            ticks.add(Math.pow(10, e));
            if (to - from <= 2 && e < to) {
                ticks.add(2 * Math.pow(10, e));
                ticks.add(5 * Math.pow(10, e));
            }
        }
        return new Axis(Math.pow(10, from), Math.pow(10, to), true, ticks);
    }

    private static double nice(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    List<Double> ticks() {
        return ticks;
    }

    boolean shows(double v) {
        return !log || v > 0;
    }

    double fraction(double v) {
        return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
    }

    String label(double v) {
        if (v == 0) {
            return "0";
        }
        if (log) {
            double e = Math.log10(v);
            if (Math.abs(e - Math.rint(e)) < 1e-9 && (e < -2 || e > 3)) {
                return "1e" + (int) Math.rint(e);
            }
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }
}
