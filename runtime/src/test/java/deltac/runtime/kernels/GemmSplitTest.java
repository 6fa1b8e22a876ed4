package deltac.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Products of 2²¹ multiply-adds and more are split between two threads, and the split changes no bit. Run in a
 * child JVM with {@code -Ddeltac.threads=2}, so that it splits on a machine of one CPU too, where comparing a
 * product with itself on one thread would check nothing.
 */
class GemmSplitTest {

    @Test
    void largeProductsAreSplitAndSmallOnesAreNot() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Ddeltac.threads=2",
                "-cp", System.getProperty("java.class.path"), SplitProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : out.lines().filter(l -> l.startsWith("threads=")).toList()) {
            for (String pair : line.split(" ")) {
                counts.put(pair.substring(0, pair.indexOf('=')), Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        assertEquals(2, counts.get("threads"), out);
        assertEquals(0, counts.get("small"), "a product of 6,000 multiply-adds was split: " + out);
        assertEquals(counts.get("large"), counts.get("split"), "every product of 2²¹ multiply-adds or more is split: " + out);
        assertEquals(0, counts.get("differing"), "the split changed bits: " + out);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            // on one CPU the caller may take every part back before the helper runs; with two, the helper works
            assertTrue(counts.get("helper") > 0, "the helper thread computed no part: " + out);
        }
    }
}
