package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, dtype conversion and the check against the spec's shapes. */
class SafetensorsTest {

    @TempDir
    Path dir;

    static final float[] SPECIAL_F32 = {
        0f, -0f, 1f, -1.5f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 4, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        (float) Math.PI, 1e-40f, 123456.789f,
    };

    static final double[] SPECIAL_F64 = {
        0d, -0d, 1d, -1.5d, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 4, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Math.PI, 1e-310, Math.E,
    };

    @Test
    void roundTripsF32BitExact() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("W1", 4, 4, SPECIAL_F32)), Map.of());
        Tensor t = Safetensors.read(file).get("W1");
        assertEquals("F32", t.dtype());
        assertEquals(4, t.rows());
        assertEquals(4, t.cols());
        assertNull(t.f64());
        for (int i = 0; i < SPECIAL_F32.length; i++) {
            assertEquals(Float.floatToRawIntBits(SPECIAL_F32[i]), Float.floatToRawIntBits(t.f32()[i]), "value " + i);
        }
    }

    @Test
    void roundTripsF64BitExact() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("W1", 2, 8, SPECIAL_F64)), Map.of());
        Tensor t = Safetensors.read(file).get("W1");
        assertEquals("F64", t.dtype());
        assertNull(t.f32());
        for (int i = 0; i < SPECIAL_F64.length; i++) {
            assertEquals(Double.doubleToRawLongBits(SPECIAL_F64[i]), Double.doubleToRawLongBits(t.f64()[i]), "value " + i);
        }
    }

    @Test
    void mixedDtypesMetadataAndOrder() throws Exception {
        Path file = dir.resolve("mixed.safetensors");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("step", "1200");
        meta.put("spec", "mnist_mlp.java \"quoted\"\nnewline é");
        Safetensors.write(file, List.of(
                Tensor.of("b1", 3, 1, new float[] {1, 2, 3}),
                Tensor.of("W1", 3, 2, new float[] {1, 2, 3, 4, 5, 6}),
                Tensor.of("a64", 1, 2, new double[] {0.25, -8}),
                Tensor.of("empty", 0, 5, new float[0])), meta);
        Checkpoint c = Safetensors.read(file);
        // The reference order: F64 first, then by name (upper case before lower case in UTF-8).
        assertEquals(List.of("a64", "W1", "b1", "empty"), List.copyOf(c.names()));
        assertEquals(Map.of("step", "1200", "spec", "mnist_mlp.java \"quoted\"\nnewline é"), c.metadata());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, c.get("W1").f32());
        assertArrayEquals(new double[] {0.25, -8}, c.get("a64").f64());
        assertEquals(0, c.get("empty").rows());
        assertEquals(5, c.get("empty").cols());
    }

    @Test
    void convertsOnRequest() throws Exception {
        Tensor f = Tensor.of("x", 1, 2, new float[] {0.1f, 3f});
        assertSame(f.f32(), f.asF32());
        assertArrayEquals(new double[] {0.1f, 3}, f.asF64());
        Tensor d = Tensor.of("y", 1, 2, new double[] {0.1, 1e300});
        assertSame(d.f64(), d.asF64());
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY}, d.asF32());
    }

    @Test
    void overwritesAnExistingCheckpoint() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("a", 1, 1, new float[] {1})), null);
        Safetensors.write(file, List.of(Tensor.of("b", 1, 1, new double[] {2})), null);
        Checkpoint c = Safetensors.read(file);
        assertEquals(List.of("b"), List.copyOf(c.names()));
        assertEquals(Map.of(), c.metadata());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void checksShapesAgainstTheSpec() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(
                Tensor.of("W1", 64, 784, new float[64 * 784]),
                Tensor.of("b1", 64, 1, new float[64]),
                Tensor.of("s", 1, 1, new float[1]),
                Tensor.of("extra", 2, 2, new float[4])), null);
        Map<String, int[]> spec = new LinkedHashMap<>();
        spec.put("b1", new int[] {64});
        spec.put("s", new int[] {});
        assertEquals(3 + 1, Safetensors.read(file, spec).tensors().size());
        spec.put("W1", new int[] {64, 784});
        Safetensors.read(file, spec);

        spec.put("W1", new int[] {128, 784});
        assertEquals(file + ": W1 is 128×784 in the spec but 64×784 in the checkpoint", error(() -> Safetensors.read(file, spec)));
        spec.put("W1", new int[] {64, 784});
        spec.put("b1", new int[] {1, 64});
        assertEquals(file + ": b1 is 1×64 in the spec but 64×1 in the checkpoint", error(() -> Safetensors.read(file, spec)));
        spec.put("b1", new int[] {64, 1});
        spec.put("W2", new int[] {10, 64});
        assertEquals(file + ": W2 (10×64 in the spec) is missing from the checkpoint", error(() -> Safetensors.read(file, spec)));
        spec.remove("W2");
        assertEquals(file + ": extra (2×2) is in the checkpoint but not in the spec", error(() -> Safetensors.read(file, spec, true)));
        spec.put("extra", new int[] {2, 2});
        assertEquals(4, Safetensors.read(file, spec, true).tensors().size());
    }

    @Test
    void rejectsBadTensorsAndDuplicateNames() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of("a", 2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of("a", -1, 0, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of("__metadata__", 1, 1, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new Tensor("a", 1, 1, new float[1], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new Tensor("a", 1, 1, null, null));
        Path file = dir.resolve("dup.safetensors");
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file,
                List.of(Tensor.of("a", 1, 1, new float[1]), Tensor.of("a", 1, 1, new double[1])), null));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file,
                List.of(Tensor.of("bad\uD800", 1, 1, new float[1])), null));
        assertEquals(false, Files.exists(file));
    }

    @Test
    void namesTheMissingFile() {
        Path file = dir.resolve("nope.safetensors");
        assertEquals(file + ": no such file", error(() -> Safetensors.read(file)));
        assertEquals(dir + ": is a directory, not a checkpoint file", error(() -> Safetensors.read(dir)));
    }

    interface ThrowingAction {
        void run() throws Exception;
    }

    static String error(ThrowingAction action) {
        return assertThrows(CheckpointException.class, action::run).getMessage();
    }
}
