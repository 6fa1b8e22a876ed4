package deltac.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The byte stream of one IDX file. It gunzips when the content starts with the gzip magic
 * 0x1f 0x8b (the file name is not trusted) and counts the bytes it delivers, so that every error
 * names its offset. For gzip files the offset counts uncompressed bytes, and messages say so.
 */
final class IdxInput {

    // Growth step for bodies: a header may lie about its size, so memory follows the bytes actually read.
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final String name;
    private final boolean gzip;
    private long offset;

    private IdxInput(InputStream in, String name, boolean gzip) {
        this.in = in;
        this.name = name;
        this.gzip = gzip;
    }

    /** Wraps {@code raw} (not closed here: the caller owns it) and sniffs for gzip. */
    static IdxInput open(InputStream raw, String name) throws DataException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        boolean gzip = false;
        try {
            buffered.mark(2);
            gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            return new IdxInput(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered, name, gzip);
        } catch (IOException e) {
            throw new DataException(name + ": offset 0: " + IoMessages.describe(e), e);
        }
    }

    /** A failure at {@code at}: "name: offset N: problem", noting uncompressed offsets for gzip. */
    DataException fail(long at, String problem) {
        return new DataException(name + ": " + offsetText(at) + ": " + problem);
    }

    /** "offset N", plus " (uncompressed)" for gzip input. */
    String offsetText(long at) {
        return "offset " + at + (gzip ? " (uncompressed)" : "");
    }

    String name() {
        return name;
    }

    /** Reads a big-endian int of a {@code headerSize}-byte header; a short file is a truncated header. */
    int headerInt(int headerSize, String kind) throws DataException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = read();
            if (b < 0) {
                throw offset == 0
                        ? fail(0, "the file is empty; expected the " + headerSize + "-byte IDX " + kind + " header")
                        : fail(offset, "the file ends inside the " + headerSize + "-byte IDX " + kind + " header");
            }
            value = value << 8 | b;
        }
        return value;
    }

    /**
     * Reads exactly {@code length} bytes (at most {@link Dataset#MAX_VALUES}). The buffer grows with the
     * data actually present, so a header that claims far more than the file holds costs no memory.
     *
     * @param claim what the header says, e.g. "header says 10 images of 28x28 (7840 bytes)",
     *     completed with what the file really has when it is shorter
     */
    byte[] body(long length, String claim) throws DataException {
        long start = offset;
        byte[] buffer = new byte[(int) Math.min(length, CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(length, 2L * buffer.length));
            }
            int n = read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new DataException(name + ": " + claim + " but the file has only " + filled
                        + " bytes of data after " + offsetText(start));
            }
            filled += n;
        }
        return buffer;
    }

    /** Fails if anything follows the announced data: a sign of a wrong header or a wrong file. */
    void expectEnd(String announced) throws DataException {
        if (read() >= 0) {
            throw fail(offset - 1, "unexpected data after the " + announced + " the header announces");
        }
    }

    private int read() throws DataException {
        try {
            int b = in.read();
            if (b >= 0) {
                offset++;
            }
            return b;
        } catch (IOException e) {
            throw new DataException(name + ": " + offsetText(offset) + ": " + IoMessages.describe(e), e);
        }
    }

    private int read(byte[] buffer, int from, int length) throws DataException {
        try {
            int n = in.read(buffer, from, length);
            if (n > 0) {
                offset += n;
            }
            return n;
        } catch (IOException e) {
            throw new DataException(name + ": " + offsetText(offset) + ": " + IoMessages.describe(e), e);
        }
    }
}
