package deltac.cli;

import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Metrics;
import java.util.List;
import java.util.Locale;

/** How results read on the command line: an evaluation's measures, a confusion matrix. */
final class Report {
    private Report() {}

    /** {@code loss 0.2158, accuracy 93.95%} for a classifier, {@code loss 0.0123, RMSE 0.1569} for real values. */
    static String measures(Evaluation e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", e.loss()));
        if (e.hasAccuracy()) {
            sb.append(String.format(Locale.ROOT, ", accuracy %.2f%%", e.accuracy() * 100));
        }
        if (!Double.isNaN(e.rmse())) {
            sb.append(String.format(Locale.ROOT, ", RMSE %.4f", e.rmse()));
        }
        return sb.toString();
    }

    /**
     * The confusion matrix, a row per actual class and a column per predicted one, then each class's precision and
     * recall. Classes are named by {@code names} when there is one per class, else numbered.
     */
    static String confusion(int[][] table, List<String> names) {
        int classes = table.length;
        String[] labels = new String[classes];
        int width = 6;
        for (int c = 0; c < classes; c++) {
            labels[c] = names.size() == classes ? names.get(c) : Integer.toString(c);
            width = Math.max(width, labels[c].length() + 1);
        }
        for (int[] row : table) {
            for (int v : row) {
                width = Math.max(width, Integer.toString(v).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder("confusion matrix (rows: actual class, columns: predicted)\n");
        String cell = "%" + width + "s";
        sb.append(String.format(Locale.ROOT, cell, ""));
        for (String l : labels) {
            sb.append(' ').append(String.format(Locale.ROOT, cell, l));
        }
        sb.append(String.format(Locale.ROOT, "  %9s %7s%n", "precision", "recall"));
        for (int a = 0; a < classes; a++) {
            sb.append(String.format(Locale.ROOT, cell, labels[a]));
            for (int p = 0; p < classes; p++) {
                sb.append(' ').append(String.format(Locale.ROOT, cell, table[a][p]));
            }
            sb.append(String.format(Locale.ROOT, "  %9s %7s%n", percent(Metrics.precision(table, a)),
                    percent(Metrics.recall(table, a))));
        }
        return sb.toString();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
