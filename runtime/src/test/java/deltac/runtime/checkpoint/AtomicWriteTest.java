package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed save leaves the previous checkpoint intact and no temporary file behind. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void failureWhileWritingKeepsTheOldCheckpoint() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("W", 2, 2, new float[] {1, 2, 3, 4})), Map.of("step", "1"));
        byte[] before = Files.readAllBytes(file);
        // An interrupted thread gets ClosedByInterruptException on the first write to the temporary
        // file, after it was created: the failure path must delete it.
        Thread.currentThread().interrupt();
        String message;
        try {
            message = assertThrows(CheckpointException.class, () -> Safetensors.write(file,
                    List.of(Tensor.of("W", 1000, 1000, new float[1000 * 1000])), Map.of("step", "2"))).getMessage();
        } finally {
            Thread.interrupted();
        }
        assertEquals(file + ": cannot write the checkpoint: interrupted", message);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Map.of("step", "1"), Safetensors.read(file).metadata());
        assertOnly(file);
    }

    @Test
    void failureAtTheRenameLeavesNoTemporaryFile() throws Exception {
        // A non-empty directory where the checkpoint should go: everything is written and
        // fsynced, then the rename fails.
        Path file = dir.resolve("w.safetensors");
        Files.createDirectory(file);
        Files.write(file.resolve("keep"), new byte[] {1});
        String message = assertThrows(CheckpointException.class, () -> Safetensors.write(file,
                List.of(Tensor.of("W", 2, 2, new float[4])), null)).getMessage();
        assertTrue(message.startsWith(file + ": cannot write the checkpoint: "), message);
        assertOnly(file);
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(file.resolve("keep")));
    }

    @Test
    void failingTensorListKeepsTheOldCheckpoint() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("W", 1, 1, new double[] {5})), null);
        List<Tensor> broken = new AbstractList<>() {
            @Override
            public Tensor get(int index) {
                if (index == 1) {
                    throw new IllegalStateException("trainer failed");
                }
                return Tensor.of("W", 1, 1, new double[] {6});
            }

            @Override
            public int size() {
                return 2;
            }
        };
        assertThrows(IllegalStateException.class, () -> Safetensors.write(file, broken, null));
        assertArrayEquals(new double[] {5}, Safetensors.read(file).get("W").f64());
        assertOnly(file);
    }

    private void assertOnly(Path file) throws Exception {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
