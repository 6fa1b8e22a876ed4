package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deltac report: the page it writes, with verdicts, with a training run; its options beside train's. */
class ReportCommandTest {
    @TempDir
    Path dir;

    /** The README's report command: "wrote … (N bytes)", about 680 KB, and 34 equations for the page's self-check. */
    @Test
    void theReadmesPageIsAbout680KbWith34Equations() throws Exception {
        Path page = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "../examples/mnist_mlp.java", "--by-hand", "../examples/mnist_mlp_by_hand.java",
                "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        long bytes = Files.size(page);
        assertEquals(String.format("wrote %s (%,d bytes): open it in a browser, offline%n", page, bytes), run.out());
        assertTrue(bytes >= 640_000 && bytes <= 720_000, "about 680 KB: " + bytes);
        String html = Files.readString(page);
        assertEquals(34, html.split(" data-tex=\"", -1).length - 1, "equations to typeset: 11 per sample, 11 in batch "
                + "form, 6 formulas beside their derived ones");
    }

    @Test
    void theReadmeCommandWritesThePageWithTheVerdicts() throws Exception {
        Path page = dir.resolve("out/report.html");
        CliRun run = CliRun.of("report", "../examples/mnist_mlp.java", "--by-hand", "../examples/mnist_mlp_by_hand_mistakes.java",
                "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + page + " ("), run.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<section id=\"verdicts\">") && html.contains("\\htmlClass{differs}"), "the mistakes are highlighted");
        assertTrue(!html.contains("<section id=\"training\">"), "no run, no curves");
    }

    @Test
    void trainAndDrawTheCurvesInBatchForm() throws Exception {
        Path page = dir.resolve("iris.html");
        CliRun run = CliRun.of("report", "../examples/iris_mlp.java", "--train", "--data", "iris", "--epochs", "3",
                "--batch-size", "16", "--batch", "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  batch        16         --batch"), run.out());
        assertTrue(run.out().contains("  epochs       3          --epochs"), run.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<section id=\"training\">") && html.contains("3 epochs on iris"), "the curves of the run");
        assertTrue(html.indexOf("id=\"batch\"") < html.indexOf("id=\"per-sample\""), "--batch puts the batch form first");
    }

    @Test
    void aRunSavedByTrainIsDrawnLater() throws Exception {
        Path metrics = dir.resolve("run.csv");
        CliRun train = CliRun.of("train", "../examples/iris_mlp.java", "--data", "iris", "--epochs", "4", "--metrics", metrics.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("saved the metrics to " + metrics), train.out());
        Path page = dir.resolve("iris.html");
        CliRun run = CliRun.of("report", "../examples/iris_mlp.java", "--run", metrics.toString(), "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(page).contains("4 epochs on run.csv"));
    }

    @Test
    void helpNamesTheBatchSizeApartFromTheBatchForm() {
        CliRun run = CliRun.of("report", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--batch-size=N") && run.out().contains("--batch ") && run.out().contains("--lr=RATE"), run.out());
    }

    @Test
    void aMissingFormulasFileIsOneLineAndExitOne() {
        CliRun run = CliRun.of("report", "../examples/xor.java", "--by-hand", dir.resolve("nope.java").toString(),
                "-o", dir.resolve("x.html").toString());
        assertEquals(1, run.exitCode());
        assertEquals(dir.resolve("nope.java") + ": no such file", run.err().strip());
    }
}
