package deltac.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps what a subcommand threw to an exit code and one line on stderr. A {@link UserError} is the user's to
 * fix (exit 1); anything else is a bug in deltac, reported as such. {@code --verbose} adds the stack trace.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 1;
    static final int INTERNAL_ERROR = 3;

    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
        int code;
        if (e instanceof UserError) {
            err.println(e.getMessage());
            code = USER_ERROR;
        } else {
            err.println("deltac: internal error: " + e + " (please report it; --verbose shows where)");
            code = INTERNAL_ERROR;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
