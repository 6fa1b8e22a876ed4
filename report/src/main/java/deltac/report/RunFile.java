package deltac.report;

import deltac.runtime.checkpoint.AtomicWrite;
import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training run's metrics as a small CSV file, so that a report can draw the curves of a run made earlier
 * ({@code deltac train --metrics run.csv}, then {@code deltac report --metrics run.csv}): a first line
 * {@code # best_epoch=7 stopped_early=false}, a header, then one row per epoch; a value not measured is empty.
 *
 * <pre>
 * # best_epoch=10 stopped_early=false
 * epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,samples_per_second,seconds
 * 1,0.6204,,0.3301,0.9075,41210.5,0.21
 * </pre>
 */
public final class RunFile {
    static final String HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,samples_per_second,seconds";

    private RunFile() {}

    /** Writes the run atomically. */
    public static void write(History history, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# best_epoch=").append(history.bestEpoch()).append(" stopped_early=").append(history.stoppedEarly()).append('\n');
        out.append(HEADER).append('\n');
        for (EpochStats e : history.epochs()) {
            out.append(e.epoch());
            for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                    e.samplesPerSecond(), e.seconds()}) {
                out.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            out.append('\n');
        }
        AtomicWrite.bytes(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a run; a malformed file is an {@link IOException} naming the file and the line. */
    public static History read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int best = 0;
        boolean stopped = false;
        List<EpochStats> epochs = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                for (String field : line.substring(1).trim().split("\\s+")) {
                    String[] kv = field.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("best_epoch")) {
                        best = integer(kv[1], where);
                    } else if (kv.length == 2 && kv[0].equals("stopped_early")) {
                        stopped = Boolean.parseBoolean(kv[1]);
                    }
                }
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IOException(where + "expected the header " + HEADER);
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 7) {
                throw new IOException(where + "expected 7 values, found " + cells.length);
            }
            double[] v = new double[6];
            for (int c = 0; c < 6; c++) {
                v[c] = number(cells[c + 1], where);
            }
            epochs.add(new EpochStats(integer(cells[0], where), v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        if (!header) {
            throw new IOException(file + ": not a run's metrics (no header " + HEADER + ")");
        }
        return new History(epochs, stopped, best);
    }

    private static int integer(String s, String where) throws IOException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException(where + "not a whole number: " + s);
        }
    }

    private static double number(String s, String where) throws IOException {
        if (s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException(where + "not a number: " + s.toLowerCase(Locale.ROOT));
        }
    }
}
