package deltac.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose parameters would not fit in the heap is refused before anything is allocated: exit 1, one line with
 * the bytes it needs and the heap there is. The test runs in a second and allocates nothing large.
 */
class MemoryBoundsTest {
    @TempDir
    Path dir;

    /** Two 40,000 × 40,000 layers: 3.2e9 parameters, 47.7 GB with gradients and Adam's state in float32. */
    static final String HUGE = """
            class Huge {
                Matrix x  = input(4);
                Matrix y  = target(3);
                Matrix W1 = param(40000, 4);
                Matrix W2 = param(40000, 40000);
                Matrix W3 = param(40000, 40000);
                Matrix W4 = param(3, 40000);

                Matrix loss() {
                    Matrix a1 = tanh(W1 * x);
                    Matrix a2 = tanh(W2 * a1);
                    Matrix a3 = tanh(W3 * a2);
                    return crossEntropy(softmax(W4 * a3), y);
                }
            }
            """;

    @Test
    void parametersThatDoNotFitTheHeapAreRefusedBeforeAllocation() throws IOException {
        Path spec = dir.resolve("huge.java");
        Files.writeString(spec, HUGE);
        long before = usedHeap();
        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.run("train", spec.toString(), "--data", "iris", "--epochs", "1"));
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.err());
        String line = lines.get(0);
        assertTrue(line.startsWith(spec + ": W2 and the other parameters, their gradients and the optimizer's state"
                + " need "), line);
        Matcher m = Pattern.compile("need ([0-9.]+) GB but the heap has ([0-9.]+) (GB|MB) \\(raise it with -Xmx, "
                + "e\\.g\\. -Xmx(\\d+)g\\)$").matcher(line);
        assertTrue(m.find(), line);
        // 3.2e9 float entries × (parameters, gradients, two Adam moments) × 4 bytes
        long entries = 40000L * 4 + 2 * 40000L * 40000 + 3 * 40000L;
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", entries * 16.0 / (1L << 30)), m.group(1));
        assertTrue(usedHeap() - before < 512L << 20, "nothing large was allocated");
    }

    @Test
    void inDoublePrecisionTwiceAsMuch() throws IOException {
        Path spec = dir.resolve("huge.java");
        Files.writeString(spec, HUGE);
        Cli run = Cli.run("train", spec.toString(), "--data", "iris", "--precision", "f64");
        assertEquals(1, run.exitCode(), run.err());
        long entries = 40000L * 4 + 2 * 40000L * 40000 + 3 * 40000L;
        assertTrue(run.err().contains(String.format(java.util.Locale.ROOT, " need %.1f GB but the heap has ",
                entries * 32.0 / (1L << 30))), run.err());
    }

    @Test
    void oneParameterIsNamedAlone() throws IOException {
        Path spec = dir.resolve("wide.java");
        Files.writeString(spec, """
                class Wide {
                    Matrix x = input(46000);
                    Matrix y = target(46000);
                    Matrix W = param(46000, 46000);
                    Matrix loss() { return mse(W * x, y); }
                }
                """);
        Cli run = Cli.run("eval", spec.toString(), "--data", "iris", "--weights", dir.resolve("w.safetensors").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith(spec + ": W, its gradient and the optimizer's state need 31.5 GB but the heap has "),
                run.err());
    }

    /** param(100000, 100000) has more entries than a Java array can hold: the spec reader refuses it first. */
    @Test
    void aParameterLargerThanAnArrayIsRefusedByTheReader() throws IOException {
        Path spec = dir.resolve("enormous.java");
        Files.writeString(spec, """
                class Enormous {
                    Matrix x = input(100000);
                    Matrix y = target(100000);
                    Matrix W = param(100000, 100000);
                    Matrix loss() { return mse(W * x, y); }
                }
                """);
        Cli run = Cli.run("train", spec.toString(), "--data", "iris");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of(spec + ":4:16: parameter too large: 100000×100000 entries do not fit an array"),
                run.errLines());
    }

    @Test
    void theCheckItself() {
        Memory.checkFits(1L << 20, "a megabyte");
        Memory.TooLarge e = assertThrows(Memory.TooLarge.class, () -> Memory.checkFits(Long.MAX_VALUE, "everything"));
        assertTrue(e.getMessage().startsWith("everything need more than 8 EB but the heap has "), e.getMessage());
        assertEquals(Runtime.getRuntime().maxMemory(), e.heap());
        assertEquals(Long.MAX_VALUE, Memory.bytes(Long.MAX_VALUE / 2, 16), "saturates instead of overflowing");
        assertEquals(64, Memory.bytes(4, 16));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
