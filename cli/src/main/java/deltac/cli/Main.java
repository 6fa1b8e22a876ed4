package deltac.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deltac} command. Exit codes: 0 success, 1 a user error (one positioned diagnostic on stderr),
 * 2 a usage error.
 */
@Command(name = "deltac",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A backpropagation compiler for the JVM: network specs in, derived equations and fast trainers out.",
        subcommands = {DemoCommand.class, GraphCommand.class, DeriveCommand.class, CheckCommand.class,
                CompileCommand.class, TrainCommand.class, EvalCommand.class, GradCommand.class, BenchCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams and returns the exit code, for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures(err));
        return cli.execute(args);
    }
}
