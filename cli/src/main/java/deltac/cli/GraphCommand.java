package deltac.cli;

import deltac.graph.DotWriter;
import deltac.graph.Graph;
import deltac.graph.GraphPrinter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code deltac graph SPEC [--dot]}: the parsed, shape-checked graph. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Parse and shape-check a spec; print every node with its shape.",
                "Exit 1 with one file:line:col: message line when the spec has an error."})
final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec (Java syntax)")
    Path spec;

    @Option(names = "--dot", description = "print Graphviz DOT instead (render with: dot -Tpng)")
    boolean dot;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        command.commandLine().getOut().print(dot ? DotWriter.dot(graph) : GraphPrinter.text(graph));
        command.commandLine().getOut().flush();
        return 0;
    }
}
