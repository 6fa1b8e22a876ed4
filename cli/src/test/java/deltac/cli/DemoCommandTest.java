package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertTrue(first.out().contains("  δ²     = a² − y\n"), "the derived equations: " + first.out());
        assertTrue(first.out().contains("epoch 1/1  loss "), first.out());
        Matcher test = Pattern.compile("test: loss [0-9.]+, accuracy ([0-9.]+)% on 2,000 held-out samples of mnist-test\n")
                .matcher(first.out());
        assertTrue(test.find(), first.out());
        double accuracy = Double.parseDouble(test.group(1));
        String verdict = (accuracy >= 93 ? "passed" : "FAILED") + ": " + test.group(1)
                + "% of the 2,000 held-out digits right (the bar is 93%)\n";
        assertTrue(first.out().contains(verdict), "wanted " + verdict + " in " + first.out());
        assertEquals(accuracy >= 93 ? 0 : 1, first.exitCode(), "the exit status is the verdict's");
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
