package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.train.EpochStats;
import deltac.runtime.train.History;
import deltac.runtime.train.ProgressSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final double NaN = Double.NaN;

    @Test
    void aBarOnlyForAPersonAtAConsole() {
        assertTrue(Progress.interactive(true, null));
        assertFalse(Progress.interactive(true, "true"));
        assertFalse(Progress.interactive(false, null));
    }

    @Test
    void theBarShowsEpochBatchesAndLoss() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressSink bar = new BarProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.started(2, 4, 100);
        for (int b = 1; b <= 4; b++) {
            bar.batchDone(1, b, 0.5, 12_345);
        }
        bar.epochDone(new EpochStats(1, 0.5, NaN, 0.6, 0.9, 12_345, 0.5), 2);
        bar.finished(new History(java.util.List.of(), false, 0));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("epoch 1/2") && out.contains("4/4") && out.contains("12,345 samples/s"), out);
        assertTrue(out.endsWith("epoch 1/2  loss 0.5000  val loss 0.6000  val acc 90.00%  12,345 samples/s  0.5 s"
                + System.lineSeparator()), "the cleared bar gives way to the plain line: " + out);
    }
}
