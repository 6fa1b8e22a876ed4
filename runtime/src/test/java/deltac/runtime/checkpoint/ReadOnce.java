package deltac.runtime.checkpoint;

import java.nio.file.Path;

/**
 * A child process for {@link MalformedTest}: reads one checkpoint (in a small heap) and prints
 * the error message, "read" on success, or what escaped.
 */
public final class ReadOnce {

    private ReadOnce() {}

    public static void main(String[] args) {
        try {
            Safetensors.read(Path.of(args[0]));
            System.out.println("read");
        } catch (CheckpointException e) {
            System.out.println(e.getMessage());
        } catch (Throwable t) {
            System.out.println("escaped: " + t);
        }
    }
}
