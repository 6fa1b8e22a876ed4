package deltac.runtime.checkpoint;

import static deltac.runtime.checkpoint.ReferenceFormatTest.concat;
import static deltac.runtime.checkpoint.ReferenceFormatTest.u64le;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way a file can be malformed, each with its exact one-line message. */
class MalformedTest {

    @TempDir
    Path dir;

    private static final String W = "{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";

    @Test
    void shorterThanTheLengthPrefix() throws Exception {
        Path file = write(new byte[] {1, 2, 3, 4, 5});
        assertEquals(file + ": truncated: 5 bytes, a safetensors file starts with an 8-byte header length", error(file));
        Path empty = write(new byte[0]);
        assertEquals(empty + ": truncated: 0 bytes, a safetensors file starts with an 8-byte header length", error(empty));
    }

    @Test
    void headerLengthPastTheEnd() throws Exception {
        Path file = write(concat(u64le(1000), new byte[12]));
        assertEquals(file + ": header length 1000 goes past the end of the file (20 bytes)", errorAllocatingLittle(file));
    }

    @Test
    void headerLengthAboveTheBound() throws Exception {
        Path file = write(concat(u64le(100_000_001), new byte[12]));
        assertEquals(file + ": header length 100000001 is above the limit of 100000000 bytes", errorAllocatingLittle(file));
        Path unsigned = write(concat(u64le(-1), new byte[12]));
        assertEquals(unsigned + ": header length 18446744073709551615 is above the limit of 100000000 bytes",
                errorAllocatingLittle(unsigned));
    }

    @Test
    void headerNotUtf8() throws Exception {
        byte[] json = W.getBytes(StandardCharsets.US_ASCII);
        json[3] = (byte) 0xC3; // a lead byte followed by '"', not a continuation byte
        Path file = write(concat(u64le(json.length), json, new byte[16]));
        assertEquals(file + ": bad JSON header at byte 11: not valid UTF-8", error(file));
    }

    @Test
    void headerNotJson() throws Exception {
        Path file = file("{\"W\" 1}", 0);
        assertEquals(file + ": bad JSON header at byte 13: expected ':'", error(file));
        Path empty = file("", 0);
        assertEquals(empty + ": bad JSON header at byte 8: unexpected end of the header, expected a value", error(empty));
        Path cut = file("{\"W\":{\"dtype\":\"F32\"", 0);
        assertEquals(cut + ": bad JSON header at byte 27: unexpected end of the header, expected ',' or '}'", error(cut));
        Path trailing = file("{} x", 0);
        assertEquals(trailing + ": bad JSON header at byte 11: unexpected data after the JSON value", error(trailing));
    }

    @Test
    void headerNotAnObject() throws Exception {
        Path file = file("[1, 2]", 0);
        assertEquals(file + ": the header is an array, expected a JSON object", error(file));
        Path string = file("\"W\"", 0);
        assertEquals(string + ": the header is a string, expected a JSON object", error(string));
    }

    @Test
    void entryNotAnObject() throws Exception {
        Path file = file("{\"W\":[0,16]}", 16);
        assertEquals(file + ": W is an array, expected an object with dtype, shape and data_offsets", error(file));
    }

    @Test
    void entryMissingAField() throws Exception {
        Path dtype = file("{\"W\":{\"shape\":[2,2],\"data_offsets\":[0,16]}}", 16);
        assertEquals(dtype + ": W: missing dtype", error(dtype));
        Path shape = file("{\"W\":{\"dtype\":\"F32\",\"data_offsets\":[0,16]}}", 16);
        assertEquals(shape + ": W: missing shape", error(shape));
        Path offsets = file("{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2]}}", 16);
        assertEquals(offsets + ": W: missing data_offsets", error(offsets));
    }

    @Test
    void unknownDtype() throws Exception {
        Path file = file("{\"W1\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        assertEquals(file + ": W1: dtype BF16 is not supported (F32 or F64)", error(file));
        Path number = file("{\"W1\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}", 8);
        assertEquals(number + ": W1: dtype 32 is not supported (F32 or F64)", error(number));
    }

    @Test
    void badShapeEntries() throws Exception {
        assertEquals("W: shape entry -1 is not a non-negative integer", shapeError("[-1,2]"));
        assertEquals("W: shape entry 2.0 is not a non-negative integer", shapeError("[2.0,2]"));
        assertEquals("W: shape entry 2e0 is not a non-negative integer", shapeError("[2e0,2]"));
        assertEquals("W: shape entry \"2\" is not a non-negative integer", shapeError("[\"2\",2]"));
        assertEquals("W: shape entry null is not a non-negative integer", shapeError("[null]"));
        assertEquals("W: shape entry 99999999999999999999 is too large", shapeError("[99999999999999999999]"));
        assertEquals("W: shape is an object, expected an array of integers", shapeError("{}"));
        assertEquals("W: shape [1, 2, 2] has rank 3; deltac reads scalars, vectors and matrices (rank 0 to 2)",
                shapeError("[1,2,2]"));
    }

    @Test
    void shapeProductOverflows() throws Exception {
        assertEquals("W: shape [4294967296, 4294967296] has too many elements (the size overflows 64 bits)",
                shapeError("[4294967296,4294967296]"));
        // 2^62 elements fit in a long, but 2^62 × 4 bytes do not.
        assertEquals("W: shape [2147483648, 2147483648] has too many elements (the size overflows 64 bits)",
                shapeError("[2147483648,2147483648]"));
    }

    @Test
    void shapeTooBigForAnArray() throws Exception {
        Path file = file("{\"W\":{\"dtype\":\"F32\",\"shape\":[3000000000,0],\"data_offsets\":[0,0]}}", 0);
        assertEquals(file + ": W: shape [3000000000, 0] has a dimension above 2147483639", errorAllocatingLittle(file));
        // An 8.6 GB data section is valid on disk but cannot become one Java array; checked without a real file.
        Object json = JsonReader.parse("{\"W\":{\"dtype\":\"F32\",\"shape\":[65536,32768],\"data_offsets\":[0,8589934592]}}"
                .getBytes(StandardCharsets.US_ASCII), 8);
        assertEquals("w: W: 2147483648 values do not fit in one Java array (at most 2147483639)",
                assertThrows(CheckpointException.class, () -> Header.validate(json, 8589934592L, "w")).getMessage());
    }

    @Test
    void offsetsNotMatchingTheShape() throws Exception {
        Path file = file("{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 12);
        assertEquals(file + ": W: data_offsets [0, 12] hold 12 bytes but F32 [2, 2] needs 16", error(file));
        Path f64 = file("{\"W\":{\"dtype\":\"F64\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 16);
        assertEquals(f64 + ": W: data_offsets [0, 16] hold 16 bytes but F64 [2, 2] needs 32", error(f64));
    }

    @Test
    void offsetsNotARange() throws Exception {
        assertEquals("W: data_offsets [16, 0] is not [begin, end] with 0 <= begin <= end", offsetsError("[16,0]"));
        assertEquals("W: data_offsets [-16, 0] is not [begin, end] with 0 <= begin <= end", offsetsError("[-16,0]"));
        assertEquals("W: data_offsets [0] is not [begin, end] with 0 <= begin <= end", offsetsError("[0]"));
        assertEquals("W: data_offsets [0, 16, 32] is not [begin, end] with 0 <= begin <= end", offsetsError("[0,16,32]"));
        assertEquals("W: data_offsets [0, 16.0] is not [begin, end] with 0 <= begin <= end", offsetsError("[0,16.0]"));
        assertEquals("W: data_offsets \"0-16\" is not [begin, end] with 0 <= begin <= end", offsetsError("\"0-16\""));
    }

    @Test
    void offsetsOutsideTheDataSection() throws Exception {
        Path file = file(W, 8);
        assertEquals(file + ": W: data_offsets [0, 16] end past the data section (8 bytes; is the file truncated?)", error(file));
        Path far = file("{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[9223372036854775791,9223372036854775807]}}", 16);
        assertEquals(far + ": W: data_offsets [9223372036854775791, 9223372036854775807] end past the data section "
                + "(16 bytes; is the file truncated?)", error(far));
    }

    @Test
    void overlappingTensors() throws Exception {
        Path file = file("{\"A\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"B\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[8,24]}}", 24);
        assertEquals(file + ": B (data bytes 8 to 24) overlaps A (data bytes 0 to 16)", error(file));
        Path same = file("{\"A\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"B\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 16);
        assertEquals(same + ": B (data bytes 0 to 16) overlaps A (data bytes 0 to 16)", error(same));
    }

    @Test
    void gapsBetweenTensors() throws Exception {
        Path file = file("{\"A\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"B\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[24,40]}}", 40);
        assertEquals(file + ": data bytes 16 to 24 belong to no tensor (a gap between A and B)", error(file));
        Path start = file("{\"A\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[8,24]}}", 24);
        assertEquals(start + ": data bytes 0 to 8 belong to no tensor (a gap before A)", error(start));
    }

    @Test
    void duplicateKeys() throws Exception {
        Path file = file(W.substring(0, W.length() - 1) + ",\"W\":{}}", 16);
        assertEquals(file + ": bad JSON header at byte 65: duplicate key \"W\"", error(file));
        Path inner = file("{\"W\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 16);
        assertEquals(inner + ": bad JSON header at byte 28: duplicate key \"dtype\"", error(inner));
    }

    @Test
    void trailingBytesAfterTheData() throws Exception {
        Path file = file(W, 20);
        assertEquals(file + ": 4 trailing bytes after the last tensor's data", error(file));
        Path none = file("{}", 4);
        assertEquals(none + ": 4 trailing bytes after the last tensor's data (the header lists no tensors)", error(none));
    }

    @Test
    void badMetadata() throws Exception {
        Path file = file("{\"__metadata__\":{\"epoch\":5}}", 0);
        assertEquals(file + ": __metadata__ entry \"epoch\" is a number, expected a string", error(file));
        Path list = file("{\"__metadata__\":[]}", 0);
        assertEquals(list + ": __metadata__ is an array, expected an object of strings", error(list));
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() throws Exception {
        Path file = file("[".repeat(100_000) + "]".repeat(100_000), 0);
        assertEquals(file + ": bad JSON header at byte 72: nested deeper than 64 levels", error(file));
        Path inShape = file("{\"W\":{\"dtype\":\"F32\",\"shape\":" + "[".repeat(100_000), 0);
        assertEquals(inShape + ": bad JSON header at byte 98: nested deeper than 64 levels", error(inShape));
    }

    @Test
    void hugeClaimsCostNoMemory() throws Exception {
        // A header that claims terabytes is rejected before any data is allocated.
        Path file = file("{\"W\":{\"dtype\":\"F64\",\"shape\":[1000000,1000000],\"data_offsets\":[0,8000000000000]}}", 16);
        assertEquals(file + ": W: data_offsets [0, 8000000000000] end past the data section (16 bytes; is the file truncated?)",
                errorAllocatingLittle(file));
    }

    @Test
    void hugeHeaderInASmallHeap() throws Exception {
        // 24 MB of "0," is 12 million JSON values: far more than a 64 MB heap holds as a tree.
        String json = "{\"W\":{\"dtype\":\"F32\",\"shape\":[" + "0,".repeat(12_000_000) + "0],\"data_offsets\":[0,0]}}";
        Path file = file(json, 0);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ReadOnce.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor(), output);
        assertEquals(file + ": the header (" + json.length() + " bytes) is too large to parse with this heap (raise -Xmx)", output);
    }

    private String shapeError(String shape) throws Exception {
        Path file = file("{\"W\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[0,16]}}", 16);
        String message = error(file);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    private String offsetsError(String offsets) throws Exception {
        Path file = file("{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":" + offsets + "}}", 16);
        String message = error(file);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    private int count;

    /** A file with header {@code json} (unpadded) and {@code dataBytes} zero bytes of data. */
    private Path file(String json, int dataBytes) throws Exception {
        return write(ReferenceFormatTest.file(json, new byte[dataBytes]));
    }

    private Path write(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("bad" + (++count) + ".safetensors"), bytes);
    }

    private static String error(Path file) {
        String message = assertThrows(CheckpointException.class, () -> Safetensors.read(file)).getMessage();
        assertTrue(!message.contains("\n"), message);
        return message;
    }

    private static String errorAllocatingLittle(Path file) {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        var threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long before = threads.getCurrentThreadAllocatedBytes();
        String message = error(file);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4 << 20, "allocated " + allocated + " bytes");
        return message;
    }

    @Test
    void spaceAndControlCharactersInNamesStayOnOneLine() throws Exception {
        Path file = file("{\"a\\nb\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        assertEquals(file + ": \"a\\nb\": dtype I8 is not supported (F32 or F64)", error(file));
    }
}
