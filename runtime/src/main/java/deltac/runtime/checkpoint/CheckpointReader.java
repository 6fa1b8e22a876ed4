package deltac.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a checkpoint file in three steps, and allocates for tensor data only in the last: the
 * 8-byte header length (bounded, and within the file), the header ({@link JsonReader}, then
 * {@link Header#validate} and the spec's shapes), then the data through a little-endian buffer.
 */
final class CheckpointReader {

    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final String name;

    private CheckpointReader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    static Checkpoint read(Path file, Map<String, int[]> expected, boolean strict) throws CheckpointException {
        return new CheckpointReader(file).read(expected, strict);
    }

    private Checkpoint read(Map<String, int[]> expected, boolean strict) throws CheckpointException {
        if (Files.isDirectory(file)) {
            throw error("is a directory, not a checkpoint file");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < 8) {
                throw error("truncated: " + size + " bytes, a safetensors file starts with an 8-byte header length");
            }
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, prefix, 0, "the header length");
            long length = prefix.flip().getLong();
            // Unsigned: a length of 2^63 or more reads as negative and must fail the bound too.
            if (Long.compareUnsigned(length, Safetensors.MAX_HEADER_BYTES) > 0) {
                throw error("header length " + Long.toUnsignedString(length) + " is above the limit of "
                        + Safetensors.MAX_HEADER_BYTES + " bytes");
            }
            if (length > size - 8) {
                throw error("header length " + length + " goes past the end of the file (" + size + " bytes)");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) length);
            readFully(in, headerBytes, 8, "the header");
            Header header = header(headerBytes.array(), size - 8 - length);
            if (expected != null) {
                SpecCheck.check(header, expected, strict, name);
            }
            List<Tensor> tensors = new ArrayList<>();
            for (Header.Entry e : header.entries()) {
                tensors.add(readTensor(in, e, 8 + length));
            }
            return new Checkpoint(tensors, header.metadata());
        } catch (IOException e) {
            throw new CheckpointException(name + ": " + IoErrors.describe(e, file), e);
        }
    }

    private Header header(byte[] bytes, long dataLength) throws CheckpointException {
        try {
            return Header.validate(JsonReader.parse(bytes, 8), dataLength, name);
        } catch (JsonReader.Failure e) {
            throw error("bad JSON header at byte " + e.position + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // A JSON tree takes tens of bytes per value; a 100 MB header of "0,0,0,..." can need
            // gigabytes. Everything parsed so far is garbage once we are here, so reporting is safe.
            throw error("the header (" + bytes.length + " bytes) is too large to parse with this heap (raise -Xmx)");
        }
    }

    private Tensor readTensor(FileChannel in, Header.Entry e, long dataStart) throws IOException, CheckpointException {
        int count = e.count();
        float[] f32 = null;
        double[] f64 = null;
        try {
            if (e.dtype() == Dtype.F32) {
                f32 = new float[count];
            } else {
                f64 = new double[count];
            }
        } catch (OutOfMemoryError oom) {
            // The header was valid, so this is a real tensor that is too big for this heap, not an attack.
            throw error(Header.label(e.name()) + " needs " + (e.end() - e.begin()) + " bytes, more than the Java heap has free");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(8, e.end() - e.begin())))
                .order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = buffer.capacity() / e.dtype().bytes;
        long position = dataStart + e.begin();
        for (int off = 0; off < count; off += perChunk) {
            int n = Math.min(perChunk, count - off);
            buffer.clear().limit(n * e.dtype().bytes);
            readFully(in, buffer, position, Header.label(e.name()));
            position += buffer.limit();
            buffer.flip();
            if (f32 != null) {
                buffer.asFloatBuffer().get(f32, off, n);
            } else {
                buffer.asDoubleBuffer().get(f64, off, n);
            }
        }
        return new Tensor(e.name(), e.rows(), e.cols(), f32, f64);
    }

    private void readFully(FileChannel in, ByteBuffer buffer, long position, String what)
            throws IOException, CheckpointException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) {
                throw error("the file ended while reading " + what + " (did it change while being read?)");
            }
            at += n;
        }
    }

    private CheckpointException error(String message) {
        return new CheckpointException(name + ": " + message);
    }
}
