package deltac.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Writes a checkpoint file: the reference layout ({@link HeaderWriter}) through an {@link AtomicWrite}. */
final class CheckpointWriter {

    private static final int CHUNK = 1 << 20;

    private CheckpointWriter() {}

    static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws CheckpointException {
        Objects.requireNonNull(file, "file");
        List<Tensor> copy = List.copyOf(tensors);
        Map<String, String> meta = metadata == null ? Map.of() : Map.copyOf(metadata);
        Set<String> names = new HashSet<>();
        for (Tensor t : copy) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tensors are called " + t.name());
            }
        }
        List<Tensor> ordered = HeaderWriter.order(copy);
        byte[] header = HeaderWriter.encode(ordered, meta);
        if (header.length > Safetensors.MAX_HEADER_BYTES) {
            throw new CheckpointException(file + ": the header would be " + header.length
                    + " bytes, above the " + Safetensors.MAX_HEADER_BYTES + "-byte limit of safetensors readers");
        }
        try {
            AtomicWrite.write(file, out -> {
                ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                buffer.putLong(header.length);
                buffer.flip();
                writeFully(out, buffer);
                writeFully(out, ByteBuffer.wrap(header));
                for (Tensor t : ordered) {
                    writeData(out, t, buffer);
                }
            });
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot write the checkpoint: " + IoErrors.describe(e, file), e);
        }
    }

    private static void writeData(FileChannel out, Tensor t, ByteBuffer buffer) throws IOException {
        int size = t.size();
        int perChunk = CHUNK / t.dtypeOf().bytes;
        for (int off = 0; off < size; off += perChunk) {
            int n = Math.min(perChunk, size - off);
            buffer.clear();
            // The view inherits the buffer's little-endian order; it does not move the buffer's position.
            if (t.f32() != null) {
                buffer.asFloatBuffer().put(t.f32(), off, n);
            } else {
                buffer.asDoubleBuffer().put(t.f64(), off, n);
            }
            buffer.limit(n * t.dtypeOf().bytes);
            writeFully(out, buffer);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
