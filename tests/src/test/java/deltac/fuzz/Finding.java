package deltac.fuzz;

/**
 * An outcome the front end must never have: an exception other than a diagnostic, a stack overflow, a hang, or a
 * diagnostic placed outside the file. Carries the input that caused it, so that a report can show it, and where it
 * happened (the exception's stack, or the hung thread's), so that a known issue can be told from a new one.
 */
final class Finding extends AssertionError {
    private final String input;
    private final StackTraceElement[] where;

    Finding(String message, String input, Throwable cause) {
        this(message, input, cause, cause == null ? new StackTraceElement[0] : cause.getStackTrace());
    }

    Finding(String message, String input, Throwable cause, StackTraceElement[] where) {
        super(message, cause);
        this.input = input;
        this.where = where;
    }

    String input() {
        return input;
    }

    /** The exception's stack, or the hung thread's. */
    StackTraceElement[] where() {
        return where.clone();
    }

    /** Whether the exception's stack, or the hung thread's, passes through a method of this class. */
    boolean passesThrough(String className) {
        for (StackTraceElement frame : where) {
            if (frame.getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    boolean isHang() {
        return getMessage().endsWith("(a hang)");
    }

    boolean isStackOverflow() {
        return getCause() instanceof StackOverflowError;
    }

    /** The input, abbreviated and with its invisible characters escaped, for a one-screen report. */
    String shownInput() {
        return show(input, 600);
    }

    static String show(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n\n");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)
                    && Character.getType(c) != Character.MATH_SYMBOL) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max) {
            out.append("… (").append(text.length()).append(" characters in all)");
        }
        return out.toString();
    }
}
