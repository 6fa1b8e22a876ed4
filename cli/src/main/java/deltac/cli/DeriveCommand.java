package deltac.cli;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac derive SPEC}: the backpropagation equations, derived symbolically. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Derive the backpropagation equations of a spec, in matrix form: the forward pass, "
                + "the error signal δ at each pre-activation, and ∂C/∂P for each parameter.")
final class DeriveCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec (Java syntax)")
    Path spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (Unicode), latex, markdown or ascii (spec syntax, as hand-derived formulas use); default text")
    Format format;

    @Option(names = "--batch", description = "the batch form: a column per sample, 1/n for the mean, bias gradients summing the columns")
    boolean batch;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        Equations equations = batch ? Equations.batch(graph) : Equations.perSample(graph);
        String text = equations.print(format);
        if (output == null) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text);
            } catch (IOException e) {
                throw new UserError(output + ": cannot write: " + e.getMessage());
            }
        }
        return 0;
    }
}
