package deltac.graph;

/**
 * The shape of a matrix: rows × cols, where either dimension may be the symbolic batch size {@code n}.
 *
 * <p>A sample is a column, so an input of 784 features is {@code 784×n}; a parameter {@code param(128)} is
 * the column {@code 128×1}; a scalar is {@code 1×1}.
 */
public record Shape(int rows, int cols) {

    /** The symbolic batch size {@code n}: the number of samples (columns) in a batch. */
    public static final int N = -1;

    public static final Shape SCALAR = new Shape(1, 1);

    public Shape {
        if (!isDim(rows) || !isDim(cols)) {
            throw new IllegalArgumentException("bad shape " + rows + "×" + cols);
        }
    }

    public static Shape of(int rows, int cols) {
        return new Shape(rows, cols);
    }

    private static boolean isDim(int d) {
        return d > 0 || d == N;
    }

    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    public boolean isColumn() {
        return cols == 1;
    }

    public boolean hasBatch() {
        return rows == N || cols == N;
    }

    public Shape transposed() {
        return new Shape(cols, rows);
    }

    /** Rows with {@code n} bound to {@code batch}. */
    public int rows(int batch) {
        return rows == N ? batch : rows;
    }

    /** Columns with {@code n} bound to {@code batch}. */
    public int cols(int batch) {
        return cols == N ? batch : cols;
    }

    /** Number of entries with {@code n} bound to {@code batch}. */
    public long size(int batch) {
        return (long) rows(batch) * cols(batch);
    }

    public static String dim(int d) {
        return d == N ? "n" : Integer.toString(d);
    }

    @Override
    public String toString() {
        return dim(rows) + "×" + dim(cols);
    }
}
