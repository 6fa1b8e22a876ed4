package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code deltac bench}: the settings train would use, the machine, and a row per measure, each a positive rate. */
class BenchCommandTest {
    private static final Pattern ROW = Pattern.compile("^  (kernel, generated|training loop|kernel, EJML engine) +([0-9,]+) samples/s +([0-9.]+)×",
            Pattern.MULTILINE);

    @Test
    void timesTheKernelTheTrainingLoopAndTheEjmlEngineWithTheSpecsSettings() {
        CliRun run = CliRun.of("bench", "../examples/iris_mlp.java", "--data", "iris", "--warmup", "0", "--runs", "1",
                "--seconds", "0.05", "--epoch-seconds", "0.05");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        // the spec's Training field gives sgd 0.1 at batch 8
        assertEquals("IrisMlp: batch 8, sgd lr 0.1, float32, on iris (train) (120 samples)", lines[0]);
        assertTrue(lines[1].matches(".+, \\d+ cores, .+; Java \\d+, products on .+"), lines[1]);
        Matcher rows = ROW.matcher(run.out());
        int count = 0;
        for (; rows.find(); count++) {
            assertTrue(Double.parseDouble(rows.group(2).replace(",", "")) > 0, rows.group());
            if (rows.group(1).equals("kernel, generated")) {
                assertEquals("1.00", rows.group(3), "the kernel is the unit of the ratios");
            }
        }
        assertEquals(3, count, run.out());
        assertTrue(run.out().contains("deltac train's loop: epochs of"), run.out());
    }

    @Test
    void flagsOverrideTheSpecAndWithoutDataTheSamplesAreRandom() {
        CliRun run = CliRun.of("bench", "../examples/iris_mlp.java", "--batch", "16", "--optimizer", "adam", "--lr", "0.01",
                "--warmup", "0", "--runs", "1", "--seconds", "0.05", "--epoch-seconds", "0.05", "--skip-ejml");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("IrisMlp: batch 16, adam lr 0.01, float32, on random samples (4,096 samples)"), run.out());
        assertTrue(!run.out().contains("EJML engine"), run.out());
    }

    @Test
    void aBadValueIsAUsageError() {
        CliRun run = CliRun.of("bench", "../examples/iris_mlp.java", "--runs", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--runs in 1..1000"), run.err());
    }
}
