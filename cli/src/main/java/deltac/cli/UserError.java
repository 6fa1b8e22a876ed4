package deltac.cli;

/** A problem with what the user gave us: printed as its message alone (exit 1), no stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
