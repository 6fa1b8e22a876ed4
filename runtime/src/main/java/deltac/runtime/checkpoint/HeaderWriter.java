package deltac.runtime.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout of a file deltac writes, byte for byte as the reference implementation
 * ({@code safetensors.serialize}) lays it out: tensors ordered by dtype alignment (F64 before
 * F32) and then by name (UTF-8 byte order), data in that same order with no gaps, and a compact
 * JSON header ({@code __metadata__} first, omitted when empty) padded with spaces to a multiple
 * of 8 bytes so that the data starts aligned.
 */
final class HeaderWriter {

    private HeaderWriter() {}

    /** The tensors in the order their data and header entries are written. */
    static List<Tensor> order(List<Tensor> tensors) {
        List<Tensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing((Tensor t) -> -t.dtypeOf().bytes)
                .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.name()), utf8(b.name()))));
        return sorted;
    }

    /** The padded header for tensors already in {@link #order}; metadata keys are sorted for reproducible files. */
    static byte[] encode(List<Tensor> ordered, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append(quote(Tensor.METADATA_KEY)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
                json.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                sep = ",";
            }
            json.append('}');
        }
        long offset = 0;
        String sep = metadata.isEmpty() ? "" : ",";
        for (Tensor t : ordered) {
            long end = offset + (long) t.size() * t.dtypeOf().bytes;
            json.append(sep).append(quote(t.name())).append(":{\"dtype\":\"").append(t.dtype())
                    .append("\",\"shape\":[").append(t.rows()).append(',').append(t.cols())
                    .append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
            sep = ",";
        }
        json.append('}');
        byte[] bytes = utf8(json.toString());
        byte[] padded = Arrays.copyOf(bytes, (bytes.length + 7) / 8 * 8);
        Arrays.fill(padded, bytes.length, padded.length, (byte) ' ');
        return padded;
    }

    /** A JSON string literal, escaped the way serde_json does it (non-ASCII stays raw UTF-8). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** Strict UTF-8: a lone surrogate would otherwise be written as '?' and change the name. */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a lone surrogate at index " + i + " makes " + quote(s) + " unwritable as UTF-8");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
