package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The products are written for the vector width the JVM reports (strips two vectors wide, panels that fill half
 * of L1), so they are checked at widths other than this machine's: in a child JVM whose vectors
 * {@code -XX:MaxVectorSize} narrows (16 bytes: 4 float lanes, as SSE; 32: 8, as AVX2 on an AVX-512 machine).
 */
class VectorWidthTest {

    @ParameterizedTest
    @CsvSource({"16, 4", "32, 8"})
    void theProductsAreRightAtOtherVectorWidths(int bytes, int lanes) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=" + bytes,
                "-Ddeltac.threads=1", "-cp", System.getProperty("java.class.path"), WidthProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("lanes=")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] fields = line.split(" ");
        assertEquals("lanes=" + lanes, fields[0], out);
        assertEquals("kc=" + 16 * 1024 / (2 * lanes * Float.BYTES), fields[1], out);
        double f = Double.parseDouble(fields[2].substring("float=".length()));
        double d = Double.parseDouble(fields[3].substring("double=".length()));
        // float32: about 6e-6 of √k here; a wrong strip, panel or edge is off by the size of an entry
        assertTrue(f < 5e-5, "float32 error " + f + " at " + lanes + " lanes");
        assertTrue(d < 1e-13, "float64 error " + d + " at " + lanes + " lanes");
    }
}
