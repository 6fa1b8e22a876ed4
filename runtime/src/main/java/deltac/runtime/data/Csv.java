package deltac.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a data set from a CSV file (UTF-8): a header row naming the columns, then one sample per
 * line. One column holds the labels; every other column is a numeric feature.
 *
 * <p>Cells are separated by commas and trimmed; they may be double-quoted. Blank lines are
 * skipped; {@code \r\n} line ends are fine. Features must be finite decimal numbers ({@code NaN}
 * and {@code Infinity} are refused). For classification the labels are strings and the classes
 * are the distinct labels in sorted order (by value when every label is a number), so Iris gives
 * setosa, versicolor, virginica = 0, 1, 2.
 *
 * <p>Every problem is a {@link DataException} naming the file, the line number (1-based, counting
 * every line of the file) and, for a cell, its column.
 */
public final class Csv {

    private Csv() {}

    /**
     * Reads a classification data set.
     *
     * @param labelColumn the name of the label column, or null for the last column
     */
    public static Dataset read(Path file, String labelColumn) throws DataException {
        return read(file, labelColumn, false);
    }

    /**
     * Reads a classification data set, or a regression data set with one target per sample when
     * {@code regression} is true; then every label must be a number.
     *
     * @param labelColumn the name of the label (or target) column, or null for the last column
     */
    public static Dataset read(Path file, String labelColumn, boolean regression) throws DataException {
        return read(file, new CsvTable(file.toString(), baseName(file), labelColumn, regression, null));
    }

    /**
     * Reads a regression data set whose targets are the named columns, in that order (a sample's target values
     * follow it); every other column is a numeric feature.
     */
    public static Dataset readRegression(Path file, List<String> targetColumns) throws DataException {
        if (targetColumns.isEmpty()) {
            throw new IllegalArgumentException("name at least one target column");
        }
        return read(file, CsvTable.regression(file.toString(), baseName(file), targetColumns));
    }

    /**
     * Reads a classification data set with fixed classes, e.g. the classes a model was trained
     * on: label {@code i} is {@code classNames.get(i)}, and any other label is an error.
     *
     * @param labelColumn the name of the label column, or null for the last column
     * @param classNames the classes in label order: not empty, no duplicates
     * @throws IllegalArgumentException if {@code classNames} is empty or has duplicates
     */
    public static Dataset read(Path file, String labelColumn, List<String> classNames) throws DataException {
        List<String> classes = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        return read(file, new CsvTable(file.toString(), baseName(file), labelColumn, false, classes));
    }

    /** Reads already opened CSV text; {@code source} is the file name used in messages. */
    static Dataset read(BufferedReader in, String source, String datasetName, String labelColumn) throws DataException {
        return new CsvTable(source, datasetName, labelColumn, false, null).parse(in);
    }

    private static Dataset read(Path file, CsvTable table) throws DataException {
        // A replacing decoder, not a reporting one, so that bad bytes are found on their own line.
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            return table.parse(in);
        } catch (IOException e) {
            throw new DataException(file + ": " + IoMessages.describe(e), e);
        }
    }

    // "data/iris.csv" gives the data set name "iris".
    private static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
