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

/**
 * The demo as the README shows it: its whole run (the spec's 10 epochs; the same run as {@code deltac train
 * examples/mnist_mlp.java --data mnist}, the README's 93.95%), its last lines as printed there but for the speed, and
 * its results left where it says, whole; a second run replaces them.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoEndsAsTheReadmeSaysAndLeavesWeightsPlotAndEquations() throws Exception {
        Path out = dir.resolve("results");
        CliRun first = CliRun.of("demo", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("\nepoch 10/10  loss 0.0361  val loss 0.1854  val acc 95.25%  "), first.out());
        assertTrue(first.out().endsWith("""
                test: loss 0.2158, accuracy 93.95% on 2,000 held-out samples of mnist-test

                passed: 93.95% of the 2,000 held-out digits right (the bar is 93%)
                results in OUT: weights.safetensors, loss.png, equations.md, equations.tex, report.html
                """.replace("OUT", out.toString())), first.out());
        assertTrue(first.out().contains("  optimizer    adam       examples/mnist_mlp.java:"), first.out());
        assertTrue(first.out().contains("  epochs       10         examples/mnist_mlp.java:"), first.out());
        assertTrue(first.out().contains("  δ²     = a² − y\n"), "the derived equations: " + first.out());
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
        assertTrue(second.exitCode() == 0 || second.exitCode() == 1, second.err()); // one epoch may miss the bar
        Matcher test = Pattern.compile("test: loss [0-9.]+, accuracy ([0-9.]+)% on 2,000 held-out samples of mnist-test\n")
                .matcher(second.out());
        assertTrue(test.find(), second.out());
        double accuracy = Double.parseDouble(test.group(1));
        String verdict = (accuracy >= 93 ? "passed" : "FAILED") + ": " + test.group(1)
                + "% of the 2,000 held-out digits right (the bar is 93%)\n";
        assertTrue(second.out().contains(verdict), "wanted " + verdict + " in " + second.out());
        assertEquals(accuracy >= 93 ? 0 : 1, second.exitCode(), "the exit status is the verdict's");
        assertTrue(Files.readString(out.resolve("equations.md")).contains("## Backward"), "the second run replaced the file");
        try (var files = Files.list(out)) {
            assertEquals(5, files.count(), "no temporary file left behind");
        }
    }
}
