package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded campaign of damaged copies of a valid file: every read either fails with a one-line
 * {@link CheckpointException} or succeeds with the original shapes; nothing else escapes. A flip
 * in the header that still reads leaves the data bit for bit and changes one name: a tensor's,
 * which reading against the spec's names then refuses, or one in the metadata. No checksum could
 * be checked: safetensors has none.
 */
class CorruptionTest {

    static final long SEED = 0x5AFE7E45L;
    static final int FLIPS = 300;
    static final int TRUNCATIONS = 100;

    @TempDir
    Path dir;

    @Test
    void byteFlipsAndTruncations() throws Exception {
        Path original = dir.resolve("good.safetensors");
        Random random = new Random(SEED);
        float[] w = new float[3 * 4];
        double[] b = new double[3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        Safetensors.write(original, List.of(Tensor.of("W1", 3, 4, w), Tensor.of("b1", 3, 1, b),
                Tensor.of("scale", 1, 1, new float[] {2})), Map.of("spec", "mlp.java", "step", "7"));
        byte[] good = Files.readAllBytes(original);
        long dataStart = 8 + readLength(good);
        Checkpoint read = Safetensors.read(original);
        List<String> shapes = shapes(read);
        Map<String, int[]> expected = Map.of("W1", new int[] {3, 4}, "b1", new int[] {3}, "scale", new int[] {});

        int failed = 0;
        int renamedTensors = 0;
        int changedMetadata = 0;
        Path damaged = dir.resolve("damaged.safetensors");
        for (int i = 0; i < FLIPS; i++) {
            byte[] bytes = good.clone();
            int at = random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(damaged, bytes);
            String what = "flip " + i + " at byte " + at;
            Checkpoint c = readOrNull(damaged, what);
            if (c == null) {
                assertTrue(at < dataStart, what + " is in the data section and must read");
                failed++;
            } else {
                assertEquals(shapes, shapes(c), what);
                if (at < dataStart) {
                    assertEquals(values(read), values(c), what + " changed the data read");
                    if (c.names().equals(read.names())) {
                        assertNotEquals(read.metadata(), c.metadata(), what + " read as the original file");
                        changedMetadata++;
                    } else {
                        assertEquals(read.metadata(), c.metadata(), what);
                        assertNull(readOrNull(damaged, expected, what + " against the spec's names"), what);
                        renamedTensors++;
                    }
                } else {
                    assertEquals(read.metadata(), c.metadata(), what);
                    assertEquals(1, differences(values(read), values(c)), what + " must change exactly one value");
                }
            }
        }
        for (int i = 0; i < TRUNCATIONS; i++) {
            int length = random.nextInt(good.length);
            Files.write(damaged, java.util.Arrays.copyOf(good, length));
            if (readOrNull(damaged, "truncation to " + length + " bytes") != null) {
                fail("truncation to " + length + " of " + good.length + " bytes read as a whole checkpoint");
            }
        }
        int inData = FLIPS - failed - renamedTensors - changedMetadata;
        System.out.printf("%d flips (%d rejected, %d renamed a tensor, %d changed the metadata, %d in the data),"
                + " %d truncations rejected%n", FLIPS, failed, renamedTensors, changedMetadata, inData, TRUNCATIONS);
        // The seed is fixed, so these are exact: the README's figures.
        assertEquals(225, failed, "flips rejected");
        assertEquals(2, renamedTensors, "flips that renamed a tensor");
        assertEquals(4, changedMetadata, "flips that changed a metadata string");
        assertEquals(69, inData, "flips in the data");
    }

    private static long readLength(byte[] file) {
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (file[i] & 0xFF);
        }
        return n;
    }

    private static Checkpoint readOrNull(Path file, String what) {
        return readOrNull(file, null, what);
    }

    /** The checkpoint, or null when the read failed properly; any other throwable fails the test. */
    private static Checkpoint readOrNull(Path file, Map<String, int[]> expected, String what) {
        try {
            return expected == null ? Safetensors.read(file) : Safetensors.read(file, expected);
        } catch (CheckpointException e) {
            String message = e.getMessage();
            assertTrue(message.startsWith(file + ": ") && !message.contains("\n"), what + ": " + message);
            return null;
        } catch (Throwable t) {
            throw new AssertionError(what + " escaped as " + t, t);
        }
    }

    /** Every value, bit for bit, in file order. */
    private static List<Long> values(Checkpoint c) {
        List<Long> bits = new ArrayList<>();
        for (Tensor t : c.tensors()) {
            if (t.f32() != null) {
                for (float v : t.f32()) {
                    bits.add((long) Float.floatToRawIntBits(v));
                }
            } else {
                for (double v : t.f64()) {
                    bits.add(Double.doubleToRawLongBits(v));
                }
            }
        }
        return bits;
    }

    private static int differences(List<Long> a, List<Long> b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.get(i).equals(b.get(i)) ? 0 : 1;
        }
        return n;
    }

    private static List<String> shapes(Checkpoint c) {
        List<String> shapes = new ArrayList<>();
        for (Tensor t : c.tensors()) {
            shapes.add(t.rows() + "×" + t.cols() + " " + t.dtype());
        }
        return shapes;
    }
}
