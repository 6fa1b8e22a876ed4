package deltac.runtime.train;

import deltac.runtime.OutputKind;

/** Running measures of a prediction against the feed the loss compares it with, batch by batch. */
final class Scores {
    private final OutputKind kind;
    private final int rows;
    private final int[][] confusion;
    private long right;
    private long counted;
    private double squares;
    private long entries;

    Scores(OutputKind kind, int rows, int classes) {
        this.kind = kind;
        this.rows = rows;
        this.confusion = new int[classes][classes];
    }

    /** Adds a batch whose prediction is done; {@code reference} is the compared feed's position in it. */
    void add(Batches.Batch b, int reference) {
        for (int j = 0; j < b.n; j++) {
            switch (kind) {
                case CLASSES -> {
                    int predicted = b.out32 != null ? Metrics.argmax(b.out32, rows, b.n, j) : Metrics.argmax(b.out64, rows, b.n, j);
                    int actual = b.f32 != null ? Metrics.argmax(b.f32[reference], rows, b.n, j)
                            : Metrics.argmax(b.f64[reference], rows, b.n, j);
                    tally(actual, predicted, true);
                }
                case BINARY -> {
                    for (int r = 0; r < rows; r++) {
                        int predicted = b.out(r, j) >= 0.5 ? 1 : 0;
                        int actual = b.feed(reference, r, j) >= 0.5 ? 1 : 0;
                        tally(actual, predicted, rows == 1);
                    }
                }
                case VALUES -> {
                    for (int r = 0; r < rows; r++) {
                        double d = b.out(r, j) - b.feed(reference, r, j);
                        squares += d * d;
                        entries++;
                    }
                }
                case NONE -> { }
            }
        }
    }

    /** One answer; {@code matrix} when it belongs in the confusion matrix. */
    private void tally(int actual, int predicted, boolean matrix) {
        counted++;
        if (actual >= 0 && actual == predicted) {
            right++;
        }
        if (matrix && actual >= 0 && predicted >= 0) {
            confusion[actual][predicted]++;
        }
    }

    double accuracy() {
        return (kind == OutputKind.CLASSES || kind == OutputKind.BINARY) && counted > 0 ? right / (double) counted
                : Double.NaN;
    }

    double rmse() {
        return kind == OutputKind.VALUES && entries > 0 ? Math.sqrt(squares / entries) : Double.NaN;
    }

    int[][] confusion() {
        return confusion;
    }
}
