package deltac.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.train.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {
    @TempDir
    Path dir;

    @Test
    void aRunReadsBackAsItWasWrittenUnmeasuredValuesIncluded() throws Exception {
        History run = Examples.fixtureRun(true);
        Path file = dir.resolve("run.csv");
        RunFile.write(run, file);
        assertEquals(run, RunFile.read(file));
        assertTrue(Files.readString(file).startsWith("# best_epoch=10 stopped_early=false\n" + RunFile.HEADER + "\n1,"));
    }

    @Test
    void aMalformedFileNamesItsLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, RunFile.HEADER + "\n1,0.5,,0.4,0.9,100,0.1\n2,0.4,x,0.3,0.9,100,0.1\n");
        IOException e = assertThrows(IOException.class, () -> RunFile.read(file));
        assertEquals(file + ":3: not a number: x", e.getMessage());
        Files.writeString(file, "epoch,loss\n");
        assertTrue(assertThrows(IOException.class, () -> RunFile.read(file)).getMessage().contains(":1: expected the header"));
    }
}
