package deltac.report;

import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A training run's curves as inline SVG: the loss, and the accuracy when it was measured, per epoch, for the
 * training and the validation data. The loss is drawn twice, on a linear and on a logarithmic axis; the page's
 * switch shows one. Every point carries its value, shown on hover.
 */
final class Curves {
    private static final double WIDTH = 540;
    private static final double HEIGHT = 270;
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    private static final double TOP = 30;
    private static final double BOTTOM = 42;

    private record Series(String name, String cssClass, double[] values) {}

    private Curves() {}

    static String section(History history, String trainedOn) {
        StringBuilder out = new StringBuilder("<section id=\"training\">\n<h2>Training</h2>\n");
        List<EpochStats> epochs = history.epochs();
        out.append("<p class=\"note\">").append(Html.escape(summary(history, trainedOn))).append("</p>\n");
        if (epochs.isEmpty()) {
            return out.append("</section>\n").toString();
        }
        out.append("<div class=\"charts\">\n");
        List<Series> loss = series(epochs, "loss", EpochStats::trainLoss, EpochStats::validationLoss);
        out.append("<figure class=\"chart\"><div class=\"chart-head\"><span>loss per epoch</span>"
                + "<label><input type=\"checkbox\" class=\"log-switch\" data-chart=\"chart-loss\"> log scale</label></div>\n");
        out.append(chart("chart-loss", "loss", epochs.size(), loss, false, true)).append("</figure>\n");
        List<Series> accuracy = series(epochs, "accuracy", EpochStats::trainAccuracy, EpochStats::validationAccuracy);
        if (!accuracy.isEmpty()) {
            out.append("<figure class=\"chart\"><div class=\"chart-head\"><span>accuracy per epoch</span></div>\n");
            out.append(chart("chart-accuracy", "accuracy", epochs.size(), accuracy, true, false)).append("</figure>\n");
        }
        return out.append("</div>\n</section>\n").toString();
    }

    private static String summary(History history, String trainedOn) {
        int n = history.epochs().size();
        StringBuilder s = new StringBuilder();
        s.append(n).append(n == 1 ? " epoch" : " epochs");
        if (trainedOn != null && !trainedOn.isEmpty()) {
            s.append(" on ").append(trainedOn);
        }
        if (history.bestEpoch() > 0) {
            s.append("; the lowest ").append(history.epochs().stream().anyMatch(EpochStats::hasValidation)
                    ? "validation" : "training").append(" loss at epoch ").append(history.bestEpoch());
        }
        if (history.stoppedEarly()) {
            s.append("; stopped early");
        }
        if (n > 0) {
            EpochStats last = history.last();
            s.append(String.format(Locale.ROOT, "; last epoch: training loss %s", number(last.trainLoss())));
            if (last.hasValidation()) {
                s.append(", validation loss ").append(number(last.validationLoss()));
            }
            if (!Double.isNaN(last.validationAccuracy())) {
                s.append(String.format(Locale.ROOT, ", validation accuracy %.2f%%", last.validationAccuracy() * 100));
            }
        }
        return s.append('.').toString();
    }

    private static List<Series> series(List<EpochStats> epochs, String what, ToDoubleFunction<EpochStats> train,
                                       ToDoubleFunction<EpochStats> validation) {
        List<Series> out = new ArrayList<>();
        double[] t = epochs.stream().mapToDouble(train).toArray();
        double[] v = epochs.stream().mapToDouble(validation).toArray();
        if (anyFinite(t)) {
            out.add(new Series("training " + what, "train", t));
        }
        if (anyFinite(v)) {
            out.add(new Series("validation " + what, "validation", v));
        }
        return out;
    }

    private static boolean anyFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static String chart(String id, String what, int epochs, List<Series> series, boolean percent, boolean log) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curves\" id=\"%s\" "
                + "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"%s per epoch\">\n",
                id, WIDTH, HEIGHT, WIDTH, HEIGHT, what));
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double positive = Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    if (v > 0) {
                        positive = Math.min(positive, v);
                    }
                }
            }
        }
        Axis linear = percent ? Axis.linear(Math.min(lo, hi - 0.01), Math.max(hi, lo + 0.01), false)
                : Axis.linear(Math.min(0, lo), hi, true);
        svg.append("<g class=\"lin\">\n");
        plot(svg, linear, epochs, series, percent);
        svg.append("</g>\n");
        if (log && positive < Double.MAX_VALUE) {
            svg.append("<g class=\"log\">\n");
            plot(svg, Axis.log(positive, Math.max(hi, positive)), epochs, series, percent);
            svg.append("</g>\n");
        }
        legend(svg, series);
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        double x = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<g class=\"legend %s\"><line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"14\"/>"
                    + "<text x=\"%.1f\" y=\"18\">%s</text></g>\n", s.cssClass(), x, x + 22, x + 28, Html.escape(s.name())));
            x += 44 + TextWidth.of(s.name(), 12);
        }
    }

    private static void plot(StringBuilder svg, Axis axis, int epochs, List<Series> series, boolean percent) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
                LEFT, TOP, plotW, plotH));
        for (double tick : axis.ticks()) {
            double y = TOP + plotH * (1 - axis.fraction(tick));
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"tick y\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, Html.escape(percent ? percentLabel(tick) : axis.label(tick))));
        }
        int step = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int e = 1; e <= epochs; e += step) {
            double x = xOf(e, epochs, plotW);
            svg.append(String.format(Locale.ROOT, "<text class=\"tick x\" x=\"%.1f\" y=\"%.1f\">%d</text>\n",
                    x, TOP + plotH + 16, e));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\">epoch</text>\n",
                LEFT + plotW / 2, HEIGHT - 6));
        for (Series s : series) {
            StringBuilder d = new StringBuilder();
            StringBuilder points = new StringBuilder();
            double[] values = s.values();
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (!Double.isFinite(v) || !axis.shows(v)) {
                    continue;
                }
                double x = xOf(i + 1, epochs, plotW);
                double y = TOP + plotH * (1 - axis.fraction(v));
                d.append(d.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                String value = percent ? String.format(Locale.ROOT, "%.2f%%", v * 100) : number(v);
                String text = "epoch " + (i + 1) + ": " + s.name() + " " + value;
                points.append(String.format(Locale.ROOT, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" "
                        + "data-value=\"%s\"><title>%s</title></circle>", x, y, Html.escape(text), Html.escape(text)));
            }
            svg.append("<g class=\"series ").append(s.cssClass()).append("\"><path d=\"").append(d).append("\"/>")
                    .append(points).append("</g>\n");
        }
    }

    private static double xOf(int epoch, int epochs, double plotW) {
        return epochs == 1 ? LEFT + plotW / 2 : LEFT + 8 + (plotW - 16) * (epoch - 1) / (epochs - 1);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String percentLabel(double v) {
        String s = String.format(Locale.ROOT, "%.1f%%", v * 100);
        return s.endsWith(".0%") ? percent(v) : s;
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
