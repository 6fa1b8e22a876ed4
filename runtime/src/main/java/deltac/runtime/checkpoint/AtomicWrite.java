package deltac.runtime.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers, and the file after a crash, see either the old content or
 * the complete new content, never a mix: write a temporary file in the same directory (a rename
 * is atomic only within one file system), fsync it, rename it over the target, fsync the
 * directory so the rename itself survives a power loss.
 */
public final class AtomicWrite {

    /** Writes the new content; the channel is positioned at 0. */
    interface Body {
        void writeTo(FileChannel out) throws IOException;
    }

    private AtomicWrite() {}

    /** Writes {@code bytes} to {@code file} atomically, as {@link #write(Path, Body)}. */
    public static void bytes(Path file, byte[] bytes) throws IOException {
        write(file, out -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        });
    }

    /**
     * Writes {@code file} atomically. On any failure (exception or error) the temporary file is
     * deleted and {@code file} is left as it was. A process killed midway leaves a file named
     * {@code .<name>.<random>.tmp} next to it, never a partial {@code file}.
     */
    static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                body.writeTo(out);
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
        syncDirectory(dir);
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // The original failure matters more; a stray temp file is harmless.
        }
    }

    private static void syncDirectory(Path dir) {
        // Linux and macOS allow fsync on a directory opened read-only; Windows refuses to open one.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // The data is safe on disk already; only the rename's durability is best effort here.
        }
    }
}
