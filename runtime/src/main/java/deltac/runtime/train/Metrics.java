package deltac.runtime.train;


/**
 * Classification metrics over predictions in column layout ({@code rows × n}, a column per sample) or over
 * predicted labels.
 *
 * <pre>{@code
 * int[][] table = Fit.confusion(model, test, 256);          // [actual][predicted]
 * double p3 = Metrics.precision(table, 3), r3 = Metrics.recall(table, 3);
 * }</pre>
 */
public final class Metrics {

    private Metrics() {}

    /**
     * The row of the largest value in column {@code column} of a {@code rows × n} matrix; the first on ties,
     * NaN counting as smaller than anything; -1 when the whole column is NaN.
     */
    public static int argmax(float[] columns, int rows, int n, int column) {
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            float v = columns[r * n + column];
            if (v > bestValue || (best < 0 && v == bestValue)) {
                best = r;
                bestValue = v;
            }
        }
        return best;
    }

    /** The double variant of {@link #argmax(float[], int, int, int)}. */
    public static int argmax(double[] columns, int rows, int n, int column) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            double v = columns[r * n + column];
            if (v > bestValue || (best < 0 && v == bestValue)) {
                best = r;
                bestValue = v;
            }
        }
        return best;
    }

    /** The fraction of positions where {@code predicted} equals {@code labels}; NaN for none. */
    public static double accuracy(int[] predicted, int[] labels) {
        checkLengths(predicted, labels);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : correct / (double) labels.length;
    }

    /**
     * The confusion matrix: entry {@code [a][p]} counts samples of label a predicted as p. Predictions of -1 (a
     * column of NaN) fall in no cell.
     *
     * @throws IllegalArgumentException when a label or prediction is outside {@code [0, classes)} (other than -1)
     */
    public static int[][] confusion(int[] predicted, int[] labels, int classes) {
        checkLengths(predicted, labels);
        int[][] table = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            int a = labels[i];
            int p = predicted[i];
            if (a < 0 || a >= classes || p < -1 || p >= classes) {
                throw new IllegalArgumentException("sample " + i + ": label " + a + ", prediction " + p
                        + ", not both classes of 0.." + (classes - 1));
            }
            if (p >= 0) {
                table[a][p]++;
            }
        }
        return table;
    }

    /** Of the samples predicted as class c, the fraction that are c (NaN when none is predicted c). */
    public static double precision(int[][] confusion, int c) {
        long predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : confusion[c][c] / (double) predicted;
    }

    /** Of the samples of class c, the fraction predicted as c (NaN when there is none). */
    public static double recall(int[][] confusion, int c) {
        long actual = 0;
        for (int v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? Double.NaN : confusion[c][c] / (double) actual;
    }

    private static void checkLengths(int[] predicted, int[] labels) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + labels.length + " labels");
        }
    }
}
