package deltac.runtime.checkpoint;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns an {@link IOException} into the short phrase a user can act on. */
final class IoErrors {

    private IoErrors() {}

    /**
     * A phrase such as "no such file" or "permission denied (/ckpt/.w.safetensors.123.tmp)"; the
     * file the OS names is added only when it is not {@code file}, which the message names already.
     */
    static String describe(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            return "no such file" + other((FileSystemException) e, file);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + other((FileSystemException) e, file);
        }
        if (e instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason()) + other(f, file);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String other(FileSystemException e, Path file) {
        return e.getFile() == null || e.getFile().equals(file.toString()) ? "" : " (" + e.getFile() + ")";
    }
}
