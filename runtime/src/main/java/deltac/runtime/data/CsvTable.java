package deltac.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one CSV table into a {@link Dataset}: the header, then one sample per non-blank line.
 * Each error names the source, the 1-based line number in the file and, for a cell, its column.
 */
final class CsvTable {

    // Strict decimal syntax: Float.parseFloat alone would also take "NaN", "0x1p3" and "1f".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(?:nan|inf|infinity)");

    private final String source;
    private final String datasetName;
    private final String labelColumn;
    /** A regression's target columns in the order of a sample's target values; null: the one label column. */
    private final List<String> targetColumns;
    private final boolean regression;
    private final Map<String, Integer> givenClasses;
    private final List<String> givenNames;

    private List<String> header;
    private int headerLine;
    private int labelIndex;
    /** For each column, its position among the targets, or -1 for a feature. */
    private int[] targetAt;
    private float[] rowTargets;
    private int rows;
    private final Floats features = new Floats();
    private final Floats targets = new Floats();
    private final Ints labels = new Ints();
    // Without given classes, labels are numbered in order of appearance and renumbered once sorted.
    private final Map<String, Integer> seenLabels = new LinkedHashMap<>();

    /**
     * @param labelColumn the label column's name, or null for the last column
     * @param classNames the allowed class names in label order, or null to take the sorted
     *     distinct labels (ignored for regression)
     */
    CsvTable(String source, String datasetName, String labelColumn, boolean regression, List<String> classNames) {
        this(source, datasetName, labelColumn, null, regression, classNames);
    }

    /** A regression table whose targets are the named columns, in that order; every other column is a feature. */
    static CsvTable regression(String source, String datasetName, List<String> targetColumns) {
        return new CsvTable(source, datasetName, null, List.copyOf(targetColumns), true, null);
    }

    private CsvTable(String source, String datasetName, String labelColumn, List<String> targetColumns,
                     boolean regression, List<String> classNames) {
        this.source = source;
        this.datasetName = datasetName;
        this.labelColumn = labelColumn;
        this.targetColumns = targetColumns;
        this.regression = regression;
        this.givenNames = classNames;
        this.givenClasses = classNames == null ? null : indexOf(classNames);
    }

    Dataset parse(BufferedReader in) throws DataException {
        int lineNumber = 0;
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new DataException(source + ":" + (lineNumber + 1) + ": " + IoMessages.describe(e), e);
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // the byte order mark spreadsheets write
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('\uFFFD') >= 0) {
                throw error(lineNumber, "the line is not UTF-8 text");
            }
            List<String> cells;
            try {
                cells = CsvCells.split(line);
            } catch (IllegalArgumentException e) {
                throw error(lineNumber, e.getMessage());
            }
            if (header == null) {
                header(cells, lineNumber);
            } else {
                row(cells, lineNumber);
            }
        }
        if (header == null) {
            throw new DataException(source + ": the file is empty; expected a header row, then data rows");
        }
        if (rows == 0) {
            throw error(headerLine, "a header row but no data rows");
        }
        return build();
    }

    private void header(List<String> cells, int line) throws DataException {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c);
            if (name.isEmpty()) {
                throw error(line, "column " + (c + 1) + " has no name in the header");
            }
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                throw error(line, "duplicate column name '" + name + "' in the header (columns "
                        + (earlier + 1) + " and " + (c + 1) + ")");
            }
        }
        targetAt = new int[cells.size()];
        Arrays.fill(targetAt, -1);
        if (targetColumns != null) {
            for (int t = 0; t < targetColumns.size(); t++) {
                Integer c = seen.get(targetColumns.get(t));
                if (c == null) {
                    throw error(line, "no column named '" + targetColumns.get(t) + "' for a target; the columns are "
                            + String.join(", ", cells));
                }
                if (targetAt[c] >= 0) {
                    throw error(line, "the target column '" + targetColumns.get(t) + "' is named twice");
                }
                targetAt[c] = t;
            }
            if (targetColumns.size() >= cells.size()) {
                throw error(line, "every column is a target; a data set needs at least one feature column");
            }
            rowTargets = new float[targetColumns.size()];
            header = cells;
            headerLine = line;
            return;
        }
        if (labelColumn == null) {
            labelIndex = cells.size() - 1;
        } else if (seen.containsKey(labelColumn)) {
            labelIndex = seen.get(labelColumn);
        } else {
            throw error(line, "no column named '" + labelColumn + "' for the labels; the columns are "
                    + String.join(", ", cells));
        }
        if (cells.size() < 2) {
            throw error(line, "the header has only the label column '" + cells.get(labelIndex)
                    + "'; a data set needs at least one feature column");
        }
        targetAt[labelIndex] = 0;
        rowTargets = new float[1];
        header = cells;
        headerLine = line;
    }

    private void row(List<String> cells, int line) throws DataException {
        if (cells.size() != header.size()) {
            throw error(line, "expected " + header.size() + " cells as in the header, got " + cells.size());
        }
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell.isEmpty()) {
                throw cellError(line, c, "missing value (empty cell)");
            }
            if (targetAt[c] < 0) {
                add(features, number(cell, line, c, ""), line);
            } else if (regression) {
                rowTargets[targetAt[c]] = number(cell, line, c, " (the column is a regression target)");
            } else {
                addLabel(cell, line, c);
            }
        }
        if (regression) {
            for (float t : rowTargets) {
                add(targets, t, line);
            }
        }
        rows++;
    }

    private void addLabel(String label, int line, int column) throws DataException {
        Integer index;
        if (givenClasses != null) {
            index = givenClasses.get(label);
            if (index == null) {
                throw cellError(line, column, "'" + label + "' is a label outside the classes "
                        + String.join(", ", givenNames));
            }
        } else {
            index = seenLabels.computeIfAbsent(label, l -> seenLabels.size());
        }
        labels.add(index);
    }

    private float number(String cell, int line, int column, String note) throws DataException {
        if (NON_FINITE.matcher(cell).matches()) {
            throw cellError(line, column, "'" + cell + "' is not a finite number" + note);
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw cellError(line, column, "'" + cell + "' is not a number" + note);
        }
        float value = Float.parseFloat(cell);
        if (Float.isInfinite(value)) {
            throw cellError(line, column, "'" + cell + "' is too large for a float" + note);
        }
        return value;
    }

    private Dataset build() {
        int featureCount = header.size() - rowTargets.length;
        if (regression) {
            return Dataset.regression(datasetName, featureCount, features.toArray(), targets.toArray(), rowTargets.length);
        }
        if (givenClasses != null) {
            return Dataset.classification(datasetName, featureCount, givenNames, features.toArray(), labels.toArray());
        }
        List<String> names = new ArrayList<>(seenLabels.keySet());
        names.sort(labelOrder(names));
        int[] renumber = new int[names.size()];
        for (int sorted = 0; sorted < names.size(); sorted++) {
            renumber[seenLabels.get(names.get(sorted))] = sorted;
        }
        int[] sortedLabels = labels.toArray();
        for (int i = 0; i < sortedLabels.length; i++) {
            sortedLabels[i] = renumber[sortedLabels[i]];
        }
        return Dataset.classification(datasetName, featureCount, names, features.toArray(), sortedLabels);
    }

    // Numeric labels sort by value so that "10" follows "9"; any other labels sort as text.
    private static Comparator<String> labelOrder(List<String> names) {
        boolean numeric = names.stream().allMatch(n -> NUMBER.matcher(n).matches());
        Comparator<String> text = Comparator.naturalOrder();
        return numeric ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(text) : text;
    }

    private void add(Floats values, float value, int line) throws DataException {
        if (values.size == Dataset.MAX_VALUES) {
            throw error(line, "too many values for one data set (at most " + Dataset.MAX_VALUES + ")");
        }
        values.add(value);
    }

    private DataException error(int line, String problem) {
        return new DataException(source + ":" + line + ": " + problem);
    }

    private DataException cellError(int line, int column, String problem) {
        return error(line, "column " + header.get(column) + ": " + problem);
    }

    private static Map<String, Integer> indexOf(List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames is empty");
        }
        Map<String, Integer> index = new HashMap<>();
        for (String name : classNames) {
            if (index.putIfAbsent(name, index.size()) != null) {
                throw new IllegalArgumentException("duplicate class name '" + name + "' in " + classNames);
            }
        }
        return index;
    }

    /** A growable float array; data sets are too large for boxed lists. */
    private static final class Floats {
        float[] values = new float[1024];
        int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Dataset.MAX_VALUES, 2L * size));
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable int array, one label per row. */
    private static final class Ints {
        int[] values = new int[256];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
