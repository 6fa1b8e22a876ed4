package deltac.runtime.data;

/**
 * Bad input data: a file that is missing, unreadable or malformed.
 *
 * <p>The message is meant for the user as is: one line that names the file and the line
 * ({@code file:line: ...}, for text) or the byte offset ({@code file: offset N: ...}, for binary
 * files). The CLI prints only the message, never a stack trace, so the message says everything.
 */
public final class DataException extends Exception {

    /**
     * @param message one line naming the file and the line or byte offset; line breaks are
     *     replaced by spaces so the message stays on one line
     */
    public DataException(String message) {
        super(oneLine(message));
    }

    /**
     * @param message as for {@link #DataException(String)}
     * @param cause the underlying error, kept for debugging only; the message must not rely on it
     */
    public DataException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // Messages often embed text from the OS or a file; a stray newline would break the one-line rule.
    private static String oneLine(String message) {
        return message == null ? "bad data" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
