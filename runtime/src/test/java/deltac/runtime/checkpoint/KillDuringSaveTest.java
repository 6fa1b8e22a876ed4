package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a save: a child JVM saves a 50 MB checkpoint in a loop, the test kills
 * it at a random moment and the checkpoint must load as one complete earlier save. Every other
 * kill is aimed: it waits until a save's temporary file is less than half written, so that at
 * least those kills land mid-save however fast or slow the disk is.
 */
class KillDuringSaveTest {

    static final long SEED = 42;
    static final int RUNS = 5;
    static final int FLOATS = 12_500_000; // 50 MB

    @TempDir
    Path dir;

    @Test
    void checkpointSurvivesKillMinus9() throws Exception {
        Random random = new Random(SEED);
        Path file = dir.resolve("ckpt.safetensors");
        Path log = dir.resolve("child.log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<Integer> fills = new ArrayList<>();
        int midSave = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean aimed = run % 2 == 0;
            Files.deleteIfExists(file);
            Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), file.toString(), Integer.toString(FLOATS))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(file)) {
                    if (!child.isAlive()) {
                        fail("the child exited with " + child.exitValue() + ": " + Files.readString(log));
                    }
                    if (System.nanoTime() > deadline) {
                        fail("the child wrote no checkpoint in 60 s: " + Files.readString(log));
                    }
                    Thread.sleep(5);
                }
                Thread.sleep(50 + random.nextInt(451));
                if (aimed) {
                    awaitHalfWrittenSave(dir, deadline);
                }
            } finally {
                child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
                child.waitFor();
            }
            fills.add(checkIntact(file, run));
            boolean left = false;
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    if (!p.equals(file) && !p.equals(log)) {
                        String name = p.getFileName().toString();
                        assertTrue(name.startsWith(".ckpt.safetensors.") && name.endsWith(".tmp"), "stray file " + name);
                        Files.delete(p);
                        left = true;
                    }
                }
            }
            // A temporary file left behind means the kill landed in the middle of a save.
            assertTrue(left || !aimed, "run " + run + ": the aimed kill left no temporary file");
            midSave += left ? 1 : 0;
        }
        System.out.println(RUNS + " kills survived (" + midSave + " in the middle of a save); the checkpoints held saves " + fills);
    }

    /** Waits until a save's temporary file holds some bytes but less than half of the checkpoint. */
    private static void awaitHalfWrittenSave(Path dir, long deadline) throws Exception {
        long half = 4L * FLOATS / 2;
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    long size = p.getFileName().toString().endsWith(".tmp") ? sizeOrZero(p) : 0;
                    if (size > 0 && size < half) {
                        return;
                    }
                }
            }
        }
        fail("no save was seen less than half written within 60 s");
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // renamed or deleted between the listing and now
        }
    }

    /** Loads the checkpoint and returns its fill value; every value must be that one fill. */
    private static int checkIntact(Path file, int run) throws CheckpointException {
        Checkpoint c = Safetensors.read(file, Map.of("big", new int[] {FLOATS / 1000, 1000}, "fill", new int[] {1}), true);
        int fill = Integer.parseInt(c.metadata().get("fill"));
        assertEquals(fill, c.get("fill").f64()[0], "run " + run);
        float[] big = c.get("big").f32();
        for (int i = 0; i < big.length; i++) {
            if (big[i] != fill) {
                fail("run " + run + ": value " + i + " is " + big[i] + " in save " + fill);
            }
        }
        return fill;
    }
}
