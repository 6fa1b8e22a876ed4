package deltac.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipAlikeWhateverTheExtension() throws Exception {
        byte[] images = images(0x803, 2, 2, 3, 0, 1, 2, 3, 4, 5, (byte) 250, (byte) 251, (byte) 252, (byte) 253, (byte) 254, (byte) 255);
        // The names lie on purpose: gzip is detected from the content.
        for (Path file : List.of(write("plain.gz", images), write("packed.idx", gzip(images)))) {
            IdxImages read = Idx.images(file);
            assertEquals(2, read.count());
            assertEquals(2, read.rows());
            assertEquals(3, read.cols());
            assertEquals(255, read.pixel(1, 1, 2));
            assertEquals(4, read.pixel(0, 1, 1));
        }
    }

    @Test
    void datasetScalesPixelsAndCountsClasses() throws Exception {
        Path images = write("i.idx", images(0x803, 2, 1, 2, 0, (byte) 255, 51, 102));
        Path labels = write("l.idx", labels(0x801, 2, 0, 3));
        Dataset d = Idx.dataset("tiny", images, labels);
        assertEquals(2, d.size());
        assertEquals(2, d.featureCount());
        assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f}, d.features());
        assertArrayEquals(new int[] {0, 3}, d.labels());
        assertEquals(List.of("0", "1", "2", "3"), d.classNames());
    }

    @Test
    void wrongMagicNamesWhatWasFound() throws Exception {
        Path file = write("labels-not-images.idx", labels(0x801, 1, 7));
        assertEquals(file + ": offset 0: magic number is 0x00000801, expected 0x00000803 for IDX images",
                error(() -> Idx.images(file)));
        Path gz = write("images.gz", gzip(images(0x12345678, 1, 1, 1, 0)));
        assertEquals(gz + ": offset 0 (uncompressed): magic number is 0x12345678, expected 0x00000801 for IDX labels",
                error(() -> Idx.labels(gz)));
    }

    @Test
    void countLargerThanTheFileHolds() throws Exception {
        Path file = write("short.idx", images(0x803, 10, 2, 2, 1, 2, 3, 4, 5, 6, 7, 8));
        assertEquals(file + ": header says 10 images of 2x2 (40 bytes) but the file has only 8 bytes of data after offset 16",
                error(() -> Idx.images(file)));
    }

    @Test
    void truncatedData() throws Exception {
        Path file = write("labels.idx", labels(0x801, 5, 1, 2, 3));
        assertEquals(file + ": header says 5 labels (5 bytes) but the file has only 3 bytes of data after offset 8",
                error(() -> Idx.labels(file)));
        Path gz = write("labels.gz", gzip(labels(0x801, 5, 1, 2, 3)));
        assertEquals(gz + ": header says 5 labels (5 bytes) but the file has only 3 bytes of data after offset 8 (uncompressed)",
                error(() -> Idx.labels(gz)));
    }

    @Test
    void truncatedGzipStream() throws Exception {
        byte[] packed = gzip(images(0x803, 100, 28, 28, new byte[78400]));
        Path file = write("cut.gz", Arrays.copyOf(packed, packed.length / 2));
        String message = error(() -> Idx.images(file));
        assertTrue(message.matches(java.util.regex.Pattern.quote(file.toString())
                + ": offset \\d+ \\(uncompressed\\): the gzip data ends early \\(a truncated file\\?\\)"), message);
    }

    @Test
    void truncatedHeader() throws Exception {
        Path file = write("head.idx", Arrays.copyOf(images(0x803, 1, 1, 1, 0), 10));
        assertEquals(file + ": offset 10: the file ends inside the 16-byte IDX images header",
                error(() -> Idx.images(file)));
        Path empty = write("empty.idx", new byte[0]);
        assertEquals(empty + ": offset 0: the file is empty; expected the 8-byte IDX labels header",
                error(() -> Idx.labels(empty)));
    }

    @Test
    void nonPositiveDimensions() throws Exception {
        Path rows = write("rows.idx", images(0x803, 1, 0, 28));
        assertEquals(rows + ": offset 8: header says 0 rows per image; it must be positive", error(() -> Idx.images(rows)));
        Path count = write("count.idx", labels(0x801, -1));
        assertEquals(count + ": offset 4: header says -1 labels; it must be positive", error(() -> Idx.labels(count)));
    }

    @Test
    void hugeCountInHeaderAllocatesNothing() throws Exception {
        byte[] claim = images(0x803, 1 << 30, 1, 1, 1, 2, 3, 4);
        Path raw = write("huge.idx", claim);
        Path gz = write("huge.idx.gz", gzip(claim));
        assertEquals(raw + ": header says 1073741824 images of 1x1 (1073741824 bytes) but the file has only 4 bytes of data after offset 16",
                errorAllocatingLittle(() -> Idx.images(raw)));
        assertEquals(gz + ": header says 1073741824 images of 1x1 (1073741824 bytes) but the file has only 4 bytes of data after offset 16 (uncompressed)",
                errorAllocatingLittle(() -> Idx.images(gz)));
        Path labels = write("huge-labels.idx", labels(0x801, 1 << 30, 1));
        assertEquals(labels + ": header says 1073741824 labels (1073741824 bytes) but the file has only 1 bytes of data after offset 8",
                errorAllocatingLittle(() -> Idx.labels(labels)));
    }

    @Test
    void countBeyondAnyArray() throws Exception {
        Path file = write("mnist.idx", images(0x803, 1 << 30, 28, 28));
        assertEquals(file + ": offset 4: header says 1073741824 images of 28x28 (841813590016 bytes), "
                + "more than one Java array can hold (2147483639)", error(() -> Idx.images(file)));
    }

    @Test
    void trailingDataIsRefused() throws Exception {
        Path file = write("long.idx", labels(0x801, 2, 1, 2, 3));
        assertEquals(file + ": offset 10: unexpected data after the 2 labels the header announces", error(() -> Idx.labels(file)));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = write("i.idx", images(0x803, 2, 1, 1, 0, 0));
        Path labels = write("l.idx", labels(0x801, 3, 0, 1, 2));
        assertEquals(labels + ": offset 4: header says 3 labels but " + images + " has 2 images",
                error(() -> Idx.dataset("d", images, labels)));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.idx");
        assertEquals(file + ": no such file", error(() -> Idx.images(file)));
    }

    @Test
    void streamVariantNamesTheGivenName() {
        byte[] bad = images(0x803, 3, 1, 1, 0);
        assertEquals("stdin: header says 3 images of 1x1 (3 bytes) but the file has only 1 bytes of data after offset 16",
                error(() -> Idx.images(new ByteArrayInputStream(bad), "stdin")));
    }

    // Pins the point of the bounded reader: memory follows the bytes present, not the header's claim.
    private static String errorAllocatingLittle(ThrowingAction action) {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        var threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long before = threads.getCurrentThreadAllocatedBytes();
        String message = error(action);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes");
        return message;
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    private static String error(ThrowingAction action) {
        return assertThrows(DataException.class, action::run).getMessage();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] images(int magic, int count, int rows, int cols, int... pixels) {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) pixels[i];
        }
        return images(magic, count, rows, cols, bytes);
    }

    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    static byte[] labels(int magic, int count, int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
