package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo leaves its results where it says, whole, and a second run replaces them. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoLeavesWeightsPlotAndEquations() throws Exception {
        Path out = dir.resolve("results");
        CliRun first = CliRun.of("demo", "--epochs", "1", "--out", out.toString());
        assertTrue(first.exitCode() == 0 || first.exitCode() == 1, first.err()); // one epoch may miss the bar
        assertTrue(first.out().contains("results in " + out + ": weights.safetensors, loss.png, equations.md, equations.tex, report.html"),
                first.out());
        assertTrue(first.out().contains("  optimizer    adam       examples/mnist_mlp.java:"), first.out());
        assertTrue(first.out().contains("  epochs       1          --epochs"), first.out());
        Checkpoint weights = Safetensors.read(out.resolve("weights.safetensors"));
        assertEquals(java.util.Set.of("W1", "b1", "W2", "b2"), weights.names());
        assertTrue(Files.readString(out.resolve("equations.md")).contains("## Backward"));
        assertTrue(Files.readString(out.resolve("equations.tex")).contains("\\delta"));
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.startsWith("<!DOCTYPE html>") && report.contains("id=\"training\"") && report.contains("id=\"verdicts\""));
        byte[] png = Files.readAllBytes(out.resolve("loss.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);

        Files.writeString(out.resolve("equations.md"), "stale");
        CliRun second = CliRun.of("demo", "--epochs", "1", "--out", out.toString());
        assertTrue(second.exitCode() == 0 || second.exitCode() == 1, second.err());
        assertTrue(Files.readString(out.resolve("equations.md")).contains("## Backward"), "the second run replaced the file");
        try (var files = Files.list(out)) {
            assertEquals(5, files.count(), "no temporary file left behind");
        }
    }
}
