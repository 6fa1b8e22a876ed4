package deltac.graph.spec;

/**
 * One problem found in a user's file, positioned: {@code file:line:column: message}.
 *
 * <p>Diagnostics are values; only the CLI turns them into printed lines and exit codes.
 *
 * @param line   1-based
 * @param column 1-based
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message);
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form, as compilers print it: {@code spec.java:12:17: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
    }
}
