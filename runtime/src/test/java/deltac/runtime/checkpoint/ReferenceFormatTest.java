package deltac.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte layouts built by hand after the safetensors spec and the reference implementation's own tests. */
class ReferenceFormatTest {

    @TempDir
    Path dir;

    /** A 2×2 F32 tensor W = [[1, -2], [0.5, 3]], laid out as the reference serializer does. */
    static final byte[] W_2X2 = concat(
            new byte[] {64, 0, 0, 0, 0, 0, 0, 0},
            ascii("{\"W\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}" + "       "),
            new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0x3F, 0, 0, 0x40, 0x40});

    @Test
    void readsAHandMadeFile() throws Exception {
        Path file = Files.write(dir.resolve("w.safetensors"), W_2X2);
        Tensor w = Safetensors.read(file).get("W");
        assertEquals(2, w.rows());
        assertEquals(2, w.cols());
        assertArrayEquals(new float[] {1, -2, 0.5f, 3}, w.f32());
    }

    @Test
    void writesExactlyTheReferenceBytes() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(Tensor.of("W", 2, 2, new float[] {1, -2, 0.5f, 3})), Map.of());
        assertArrayEquals(W_2X2, Files.readAllBytes(file));
    }

    @Test
    void writesTheReferenceEmptyFiles() throws Exception {
        // safetensors' test_empty: serialize({}, None) and serialize({}, {"framework": "pt"}).
        Path file = dir.resolve("e.safetensors");
        Safetensors.write(file, List.of(), null);
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32}, Files.readAllBytes(file));
        Safetensors.write(file, List.of(), Map.of("framework", "pt"));
        assertArrayEquals(concat(new byte[] {40, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     ")), Files.readAllBytes(file));
        assertEquals(Map.of("framework", "pt"), Safetensors.read(file).metadata());
    }

    @Test
    void writesMetadataFirstAndF64BeforeF32() throws Exception {
        Path file = dir.resolve("m.safetensors");
        Safetensors.write(file, List.of(Tensor.of("a", 1, 1, new float[] {2}), Tensor.of("z", 1, 1, new double[] {1})),
                Map.of("k", "v"));
        String json = "{\"__metadata__\":{\"k\":\"v\"},\"z\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}";
        assertEquals(137, json.length());
        byte[] expected = concat(new byte[] {(byte) 144, 0, 0, 0, 0, 0, 0, 0}, ascii(json + "       "),
                new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 0, 0, 0, 0x40});
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void readsVectorsScalarsAnyKeyOrderWhitespaceAndEscapes() throws Exception {
        // Written by some other tool: entries out of data order, extra keys, pretty-printed, escaped names.
        String json = "{\n  \"v\\u00e9c\": {\"shape\": [3], \"dtype\": \"F64\", \"data_offsets\": [4, 28], \"note\": [1, {}]},\n"
                + "  \"s\\\"\": {\"data_offsets\": [0, 4], \"dtype\": \"F32\", \"shape\": []},\n"
                + "  \"__metadata__\": {\"format\": \"pt\", \"tab\": \"a\\tb\\/\\ud83d\\ude00\"}\n}\n\t";
        byte[] data = concat(f32le(7.5f), f64le(1), f64le(-2), f64le(1e-300));
        Path file = Files.write(dir.resolve("other.safetensors"), file(json, data));
        Checkpoint c = Safetensors.read(file);
        assertEquals(List.of("s\"", "véc"), List.copyOf(c.names()));
        assertEquals(Map.of("format", "pt", "tab", "a\tb/\uD83D\uDE00"), c.metadata());
        Tensor v = c.get("véc");
        assertEquals(3, v.rows());
        assertEquals(1, v.cols());
        assertArrayEquals(new double[] {1, -2, 1e-300}, v.f64());
        Tensor s = c.get("s\"");
        assertEquals(1, s.rows());
        assertEquals(1, s.cols());
        assertArrayEquals(new float[] {7.5f}, s.f32());
    }

    static byte[] file(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return concat(u64le(header.length), header, data);
    }

    static byte[] u64le(long n) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        return b;
    }

    static byte[] f32le(float f) {
        int bits = Float.floatToRawIntBits(f);
        return new byte[] {(byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16), (byte) (bits >>> 24)};
    }

    static byte[] f64le(double d) {
        return u64le(Double.doubleToRawLongBits(d));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
