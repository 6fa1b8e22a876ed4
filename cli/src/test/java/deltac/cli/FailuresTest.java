package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The README's exit statuses for failures: 1 a user error (its one line), 3 a bug (reported as one); --verbose adds the trace. */
class FailuresTest {

    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        @Option(names = "--user")
        boolean user;

        @Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            if (user) {
                throw new UserError("spec.java:3:4: something the user can fix");
            }
            throw new IllegalStateException("a bug");
        }
    }

    private static int run(StringWriter err, String... args) {
        return new CommandLine(new Fails()).setExecutionExceptionHandler(new Failures(new PrintWriter(err))).execute(args);
    }

    @Test
    void aUserErrorIsItsOwnLineAndExitOne() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "--user"));
        assertEquals("spec.java:3:4: something the user can fix\n", err.toString());
    }

    @Test
    void anythingElseIsAnInternalErrorAndExitThree() {
        StringWriter err = new StringWriter();
        assertEquals(3, run(err));
        assertEquals("deltac: internal error: java.lang.IllegalStateException: a bug (please report it; --verbose shows where)\n",
                err.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        StringWriter err = new StringWriter();
        assertEquals(3, run(err, "--verbose"));
        assertTrue(err.toString().contains("\tat deltac.cli.FailuresTest$Fails.call"), err.toString());
    }
}
