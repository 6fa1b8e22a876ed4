package deltac.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into trimmed cells. Cells may be double-quoted (R and spreadsheets quote
 * every name), with {@code ""} for a literal quote; a quoted cell cannot span lines.
 */
final class CsvCells {

    private CsvCells() {}

    /**
     * @throws IllegalArgumentException with a user-facing phrase for an unterminated quote or
     *     text after a closing quote
     */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i = quoted(line, i + 1, cells);
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                cells.add(line.substring(i, end).trim());
                i = end;
            }
            if (i >= n) {
                return cells;
            }
            i++; // the comma
            if (i == n) {
                cells.add(""); // a trailing comma ends with an empty cell
                return cells;
            }
        }
    }

    // Reads a quoted cell starting after its opening quote; returns the index of the following comma or end.
    private static int quoted(String line, int i, List<String> cells) {
        StringBuilder cell = new StringBuilder();
        int n = line.length();
        while (true) {
            if (i >= n) {
                throw new IllegalArgumentException("a quoted cell has no closing quote");
            }
            char c = line.charAt(i++);
            if (c != '"') {
                cell.append(c);
            } else if (i < n && line.charAt(i) == '"') {
                cell.append('"');
                i++;
            } else {
                break;
            }
        }
        while (i < n && isBlank(line.charAt(i))) {
            i++;
        }
        if (i < n && line.charAt(i) != ',') {
            throw new IllegalArgumentException("text after the closing quote of \"" + cell + "\"");
        }
        cells.add(cell.toString().trim());
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
