package deltac.runtime.checkpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated safetensors header: the tensor entries in data order and the metadata.
 *
 * <p>{@link #validate} checks everything the data read relies on, so that reading cannot fail
 * with anything but an I/O error: each entry has a supported dtype, a shape of rank 0 to 2 whose
 * sizes fit a Java array, offsets that match dtype size × element count and lie inside the data
 * section, and together the entries tile the data section exactly (no overlap, no gap, nothing
 * after the last tensor), as the reference implementation requires. Keys other than dtype, shape
 * and data_offsets in an entry are ignored, as the reference does.
 */
record Header(List<Entry> entries, Map<String, String> metadata) {

    /** The largest Java array deltac allocates (some VMs reserve a few header words). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** One tensor's header entry; {@code begin} and {@code end} are offsets in the data section. */
    record Entry(String name, Dtype dtype, String shapeText, int rows, int cols, long begin, long end) {
        int count() {
            return rows * cols;
        }
    }

    /**
     * Checks the parsed header {@code json} against a data section of {@code dataLength} bytes.
     *
     * @param file the file name that starts every message
     */
    static Header validate(Object json, long dataLength, String file) throws CheckpointException {
        if (!(json instanceof Map)) {
            throw error(file, "the header is " + kind(json) + ", expected a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : asMap(json).entrySet()) {
            if (e.getKey().equals(Tensor.METADATA_KEY)) {
                metadata = metadata(e.getValue(), file);
            } else {
                entries.add(entry(e.getKey(), e.getValue(), dataLength, file));
            }
        }
        // Zero-size tensors may share an offset with the next one; sorting by end too keeps them first.
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkTiling(entries, dataLength, file);
        return new Header(List.copyOf(entries), metadata);
    }

    private static Map<String, String> metadata(Object value, String file) throws CheckpointException {
        if (!(value instanceof Map)) {
            throw error(file, Tensor.METADATA_KEY + " is " + kind(value) + ", expected an object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asMap(value).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw error(file, Tensor.METADATA_KEY + " entry " + show(e.getKey()) + " is " + kind(e.getValue())
                        + ", expected a string");
            }
            metadata.put(e.getKey(), (String) e.getValue());
        }
        return metadata;
    }

    private static Entry entry(String name, Object value, long dataLength, String file) throws CheckpointException {
        String label = label(name);
        if (!(value instanceof Map)) {
            throw error(file, label + " is " + kind(value) + ", expected an object with dtype, shape and data_offsets");
        }
        Map<String, Object> fields = asMap(value);
        for (String field : List.of("dtype", "shape", "data_offsets")) {
            if (!fields.containsKey(field)) {
                throw error(file, label + ": missing " + field);
            }
        }
        Object dtypeValue = fields.get("dtype");
        Dtype dtype = dtypeValue instanceof String ? Dtype.named((String) dtypeValue) : null;
        if (dtype == null) {
            String shown = dtypeValue instanceof String ? label((String) dtypeValue) : show(dtypeValue);
            throw error(file, label + ": dtype " + shown + " is not supported (F32 or F64)");
        }

        Object shapeValue = fields.get("shape");
        if (!(shapeValue instanceof List)) {
            throw error(file, label + ": shape is " + kind(shapeValue) + ", expected an array of integers");
        }
        List<?> shape = (List<?>) shapeValue;
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            Object d = shape.get(i);
            dims[i] = d instanceof JsonReader.Num ? ((JsonReader.Num) d).nonNegativeLong() : -1;
            if (dims[i] < 0) {
                boolean huge = d instanceof JsonReader.Num && ((JsonReader.Num) d).isInteger()
                        && !((JsonReader.Num) d).text().startsWith("-");
                throw error(file, label + ": shape entry " + show(d) + (huge ? " is too large" : " is not a non-negative integer"));
            }
        }
        String shapeText = show(shapeValue);
        if (dims.length > 2) {
            throw error(file, label + ": shape " + shapeText + " has rank " + dims.length
                    + "; deltac reads scalars, vectors and matrices (rank 0 to 2)");
        }
        long count = 1;
        for (long d : dims) {
            count = multiplyOrMinusOne(count, d);
        }
        long bytes = multiplyOrMinusOne(count, dtype.bytes);
        if (bytes < 0) {
            throw error(file, label + ": shape " + shapeText + " has too many elements (the size overflows 64 bits)");
        }

        Object offsetsValue = fields.get("data_offsets");
        long begin = -1;
        long end = -1;
        if (offsetsValue instanceof List && ((List<?>) offsetsValue).size() == 2) {
            List<?> offsets = (List<?>) offsetsValue;
            begin = offsets.get(0) instanceof JsonReader.Num ? ((JsonReader.Num) offsets.get(0)).nonNegativeLong() : -1;
            end = offsets.get(1) instanceof JsonReader.Num ? ((JsonReader.Num) offsets.get(1)).nonNegativeLong() : -1;
        }
        String offsetsText = show(offsetsValue);
        if (begin < 0 || end < begin) {
            throw error(file, label + ": data_offsets " + offsetsText + " is not [begin, end] with 0 <= begin <= end");
        }
        if (end - begin != bytes) {
            throw error(file, label + ": data_offsets " + offsetsText + " hold " + (end - begin) + " bytes but "
                    + dtype + " " + shapeText + " needs " + bytes);
        }
        if (end > dataLength) {
            throw error(file, label + ": data_offsets " + offsetsText + " end past the data section (" + dataLength
                    + " bytes; is the file truncated?)");
        }
        // Below the data section's size, but an 8 GB file can still hold more than one array can.
        for (long d : dims) {
            if (d > MAX_ARRAY) {
                throw error(file, label + ": shape " + shapeText + " has a dimension above " + MAX_ARRAY);
            }
        }
        if (count > MAX_ARRAY) {
            throw error(file, label + ": " + count + " values do not fit in one Java array (at most " + MAX_ARRAY + ")");
        }
        int rows = dims.length == 0 ? 1 : (int) dims[0];
        int cols = dims.length == 2 ? (int) dims[1] : 1;
        return new Entry(name, dtype, shapeText, rows, cols, begin, end);
    }

    private static void checkTiling(List<Entry> entries, long dataLength, String file) throws CheckpointException {
        long at = 0;
        Entry previous = null;
        for (Entry e : entries) {
            if (e.begin() < at) {
                throw error(file, label(e.name()) + " (data bytes " + e.begin() + " to " + e.end() + ") overlaps "
                        + label(previous.name()) + " (data bytes " + previous.begin() + " to " + previous.end() + ")");
            }
            if (e.begin() > at) {
                String where = previous == null ? "before " + label(e.name())
                        : "between " + label(previous.name()) + " and " + label(e.name());
                throw error(file, "data bytes " + at + " to " + e.begin() + " belong to no tensor (a gap " + where + ")");
            }
            at = e.end();
            previous = e;
        }
        if (at < dataLength) {
            throw error(file, (dataLength - at) + " trailing bytes after the last tensor's data"
                    + (previous == null ? " (the header lists no tensors)" : ""));
        }
    }

    private static long multiplyOrMinusOne(long a, long b) {
        if (a < 0) {
            return -1;
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? -1 : low;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    /** A name as it goes into a message: as is when short and printable, else quoted and cut. */
    static String label(String name) {
        boolean plain = !name.isEmpty() && name.length() <= 80 && name.chars().noneMatch(c -> c < 0x20 || c == '"');
        return plain ? name : show(name);
    }

    /** A JSON value as compact text for a message, cut to about 60 characters. */
    static String show(Object value) {
        StringBuilder sb = new StringBuilder();
        render(value, sb);
        return sb.length() <= 60 ? sb.toString() : sb.substring(0, 57) + "...";
    }

    private static void render(Object value, StringBuilder sb) {
        if (sb.length() > 60) {
            return;
        }
        if (value instanceof String) {
            String s = (String) value;
            sb.append(HeaderWriter.quote(s.length() > 80 ? s.substring(0, 80) : s));
        } else if (value instanceof JsonReader.Num) {
            String text = ((JsonReader.Num) value).text();
            sb.append(text.length() > 80 ? text.substring(0, 80) : text);
        } else if (value instanceof List) {
            sb.append('[');
            String sep = "";
            for (Object item : (List<?>) value) {
                sb.append(sep);
                render(item, sb);
                sep = ", ";
                if (sb.length() > 60) {
                    break;
                }
            }
            sb.append(']');
        } else if (value instanceof Map) {
            sb.append(((Map<?, ?>) value).isEmpty() ? "{}" : "{...}");
        } else {
            sb.append(value);
        }
    }

    /** "an object", "a string", ...: what a JSON value is, for messages. */
    static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof JsonReader.Num) {
            return "a number";
        }
        return String.valueOf(value);
    }

    private static CheckpointException error(String file, String message) {
        return new CheckpointException(file + ": " + message);
    }
}
