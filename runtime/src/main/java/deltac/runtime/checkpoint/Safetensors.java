package deltac.runtime.checkpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes checkpoints in the <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data. Dtypes F32 and F64 are supported.
 *
 * <pre>{@code
 * Safetensors.write(Path.of("w.safetensors"),
 *         List.of(Tensor.of("W1", 128, 784, w1), Tensor.of("b1", 128, 1, b1)),
 *         Map.of("epoch", "5"));
 *
 * Checkpoint c = Safetensors.read(Path.of("w.safetensors"),
 *         Map.of("W1", new int[] {128, 784}, "b1", new int[] {128}));
 * float[] w1 = c.get("W1").asF32();   // converts when the file holds F64
 * }</pre>
 *
 * <p><b>Writing</b> is atomic: the data goes to a temporary file in the same directory, which is
 * fsynced and then renamed over the target, so a crash or {@code kill -9} at any moment leaves
 * either the previous checkpoint or the new one, never a partial file (a stray
 * {@code .w.safetensors.*.tmp} may remain after a kill). The layout is the reference
 * implementation's, byte for byte: tensors ordered by dtype (F64 before F32) and then by name,
 * not in the given order; the header lists them in that same order, {@code __metadata__} first.
 *
 * <p><b>Reading</b> validates the whole header before allocating memory for data, and reports
 * every problem (a truncated file, a header length past the end or above {@link
 * #MAX_HEADER_BYTES}, bad UTF-8 or JSON with its byte position, an unsupported dtype, bad shapes
 * or offsets, tensors that overlap or leave gaps, trailing bytes, a shape that differs from the
 * spec) as a {@link CheckpointException} with a one-line message naming the file.
 */
public final class Safetensors {

    /** The largest header accepted, as in the reference implementation: 100 MB. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private Safetensors() {}

    /**
     * Writes {@code tensors} and {@code metadata} to {@code file} atomically, replacing any
     * existing file. On failure the existing file is untouched and no temporary file remains.
     *
     * @param metadata stored as the header's {@code __metadata__} string map; null or empty
     *     writes none
     * @throws CheckpointException when the file cannot be written
     * @throws IllegalArgumentException when two tensors have the same name
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws CheckpointException {
        CheckpointWriter.write(file, tensors, metadata);
    }

    /**
     * Reads every tensor of {@code file}, each in the dtype it was stored with.
     *
     * @throws CheckpointException when the file is missing, unreadable or malformed
     */
    public static Checkpoint read(Path file) throws CheckpointException {
        return CheckpointReader.read(file, null, false);
    }

    /**
     * Reads {@code file} after checking that it holds every tensor in {@code expectedShapes} with
     * that shape ({@code [k]} means k×1, {@code []} means 1×1). Extra tensors are allowed; see
     * {@link #read(Path, Map, boolean)}. The check happens before any data is read.
     *
     * @throws CheckpointException as for {@link #read(Path)}, or when a tensor is missing or has
     *     another shape, e.g. {@code w.safetensors: W1 is 128×784 in the spec but 64×784 in the checkpoint}
     */
    public static Checkpoint read(Path file, Map<String, int[]> expectedShapes) throws CheckpointException {
        return read(file, expectedShapes, false);
    }

    /**
     * As {@link #read(Path, Map)}; when {@code strict}, a tensor the map does not name is an error
     * too, e.g. {@code w.safetensors: W3 (64×64) is in the checkpoint but not in the spec}.
     */
    public static Checkpoint read(Path file, Map<String, int[]> expectedShapes, boolean strict)
            throws CheckpointException {
        return CheckpointReader.read(file, expectedShapes, strict);
    }
}
