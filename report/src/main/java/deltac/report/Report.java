package deltac.report;

import deltac.autodiff.check.CheckReport;
import deltac.autodiff.check.FormulaChecker;
import deltac.graph.Graph;
import deltac.runtime.checkpoint.AtomicWrite;
import deltac.runtime.train.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The derivation report: one self-contained HTML page that opens offline.
 *
 * <pre>{@code
 * Graph net = Spec.parse(Path.of("examples/mnist_mlp.java"));
 * Path byHand = Path.of("examples/mnist_mlp_by_hand.java");
 * Report.write(Report.of(net).withCheck(Report.check(net, byHand, false), byHand.toString()).withHistory(history),
 *         Path.of("out/report.html"));
 * }</pre>
 */
public final class Report {
    private Report() {}

    /**
     * What a page shows.
     *
     * @param graph      the network
     * @param batch      the graph drawn, and the equations put first, in batch form rather than per sample
     * @param check      verdicts on hand-derived formulas, or null
     * @param byHandFile the formulas' file, as the verdicts name it
     * @param checkBatch whether the formulas were checked against the batch form
     * @param history    a training run, or null
     * @param trainedOn  what it trained on, for the caption ({@code mnist}), or null
     */
    public record Contents(Graph graph, boolean batch, CheckReport check, String byHandFile, boolean checkBatch,
                           History history, String trainedOn) {
        public Contents withBatch(boolean batch) {
            return new Contents(graph, batch, check, byHandFile, checkBatch, history, trainedOn);
        }

        /** Verdicts checked per sample. */
        public Contents withCheck(CheckReport check, String byHandFile) {
            return withCheck(check, byHandFile, false);
        }

        public Contents withCheck(CheckReport check, String byHandFile, boolean checkBatch) {
            return new Contents(graph, batch, check, byHandFile, checkBatch, history, trainedOn);
        }

        public Contents withHistory(History history) {
            return withHistory(history, null);
        }

        public Contents withHistory(History history, String trainedOn) {
            return new Contents(graph, batch, check, byHandFile, checkBatch, history, trainedOn);
        }
    }

    /** A page with the equations and the graph; add verdicts and a training run with the {@code with} methods. */
    public static Contents of(Graph graph) {
        return new Contents(graph, false, null, null, false, null, null);
    }

    /** Checks hand-derived formulas, as {@code deltac check} does, keeping what the page shows of each. */
    public static CheckReport check(Graph graph, Path byHand, boolean batch) throws IOException {
        return FormulaChecker.check(graph, byHand, batch);
    }

    /** The page. */
    public static String html(Contents contents) {
        return deltac.graph.DeepStack.call(() -> Page.html(contents));
    }

    /** Writes the page atomically (a temporary file, then a rename), readable by all, and returns its size in bytes. */
    public static long write(Contents contents, Path file) throws IOException {
        byte[] bytes = html(contents).getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        AtomicWrite.bytes(file, bytes);
        try { // the temporary file was made private; a page is to be read, by a browser or a web server
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions stand
        }
        return bytes.length;
    }
}
