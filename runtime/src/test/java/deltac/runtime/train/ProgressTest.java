package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final double NaN = Double.NaN;

    @Test
    void plainLineHasEveryMeasuredField() {
        EpochStats s = new EpochStats(3, 0.28314, NaN, 0.30118, 0.913456, 52_310.4, 1.23);
        assertEquals("epoch 3/10  loss 0.2831  val loss 0.3012  val acc 91.35%  52,310 samples/s  1.2 s",
                PlainProgress.line(s, 10));
    }

    @Test
    void plainLineLeavesOutWhatWasNotMeasured() {
        assertEquals("epoch 1/1  loss 1.5000  800 samples/s  0.0 s",
                PlainProgress.line(new EpochStats(1, 1.5, NaN, NaN, NaN, 800, 0.01), 1));
        assertEquals("epoch 2/5  loss 0.1000  acc 97.50%  val loss 0.2000  1,234,567 samples/s  12.0 s",
                PlainProgress.line(new EpochStats(2, 0.1, 0.975, 0.2, NaN, 1_234_567, 12), 5));
    }

    @Test
    void plainSinkPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressSink sink = ProgressSink.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.started(2, 3, 100);
        sink.batchDone(1, 1, 0.5, 1000);
        sink.epochDone(new EpochStats(1, 0.5, NaN, NaN, NaN, 1000, 0.1), 2);
        sink.epochDone(new EpochStats(2, 0.25, NaN, NaN, NaN, 1000, 0.1), 2);
        assertEquals("epoch 1/2  loss 0.5000  1,000 samples/s  0.1 s\nepoch 2/2  loss 0.2500  1,000 samples/s  0.1 s\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
