package deltac.runtime.checkpoint;

/**
 * A checkpoint that cannot be read or written: missing, unreadable, malformed, or not matching
 * the spec.
 *
 * <p>The message is meant for the user as is: one line that starts with the file name, such as
 * {@code w.safetensors: W1 is 128×784 in the spec but 64×784 in the checkpoint}. The CLI prints
 * only the message, never a stack trace.
 */
public final class CheckpointException extends Exception {

    /** @param message one line naming the file; line breaks are replaced by spaces */
    public CheckpointException(String message) {
        super(oneLine(message));
    }

    /**
     * @param message as for {@link #CheckpointException(String)}
     * @param cause the underlying error, kept for debugging only; the message must not rely on it
     */
    public CheckpointException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // Messages embed text from the OS and from the file itself; a newline would break the one-line rule.
    private static String oneLine(String message) {
        return message == null ? "bad checkpoint" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
