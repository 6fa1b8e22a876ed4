package deltac.runtime.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

/** Turns an {@link IOException} into the short phrase a user can act on. */
final class IoMessages {

    private IoMessages() {}

    /** A phrase such as "no such file" or "corrupt gzip data (invalid block type)". */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        if (e instanceof ZipException) {
            return "corrupt gzip data (" + e.getMessage() + ")";
        }
        if (e instanceof EOFException) {
            // GZIPInputStream's way of saying the compressed data stops mid-stream.
            return "the gzip data ends early (a truncated file?)";
        }
        String detail = e.getMessage();
        return "cannot read the file (" + (detail == null ? e.getClass().getSimpleName() : detail) + ")";
    }
}
