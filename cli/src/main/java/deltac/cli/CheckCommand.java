package deltac.cli;

import deltac.autodiff.check.CheckReport;
import deltac.autodiff.check.FormulaChecker;
import deltac.autodiff.check.Verdict;
import deltac.graph.Graph;
import deltac.graph.spec.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac check SPEC --by-hand FILE}: hand-derived formulas against the derivation. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check hand-derived backpropagation formulas against the derivation: each is equal (proved by "
                + "rewriting, or on random instances) or differs, with where and, when it can tell, why. "
                + "Exit 0 when every formula is equal, 1 otherwise.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--by-hand", paramLabel = "FILE", required = true,
            description = "the formulas: a class assigning the names `deltac derive --format ascii` prints")
    Path byHand;

    @Option(names = "--batch", description = "compare with the batch form (1/n, column sums) instead of per sample")
    boolean batch;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Graph graph = SpecFiles.read(spec, err);
        CheckReport report = check(graph, byHand, batch, err);
        for (Verdict v : report.verdicts()) {
            out.println(v);
        }
        if (!report.verdicts().isEmpty() && !report.notGiven().isEmpty()) {
            out.println("not given: " + String.join(", ", report.notGiven()));
        }
        out.flush();
        err.flush();
        return report.allEqual() ? 0 : Failures.USER_ERROR;
    }

    /** The hand-derived formulas in {@code byHand} checked against the derivation; their diagnostics go to {@code err}. */
    static CheckReport check(Graph graph, Path byHand, boolean batch, PrintWriter err) {
        if (!Files.isRegularFile(byHand)) {
            throw new UserError(byHand + ": no such file");
        }
        CheckReport report;
        try {
            report = FormulaChecker.check(graph, byHand, batch);
        } catch (IOException e) {
            throw new UserError(byHand + ": cannot read: " + e.getMessage());
        }
        for (Diagnostic d : report.diagnostics()) {
            err.println(d);
        }
        err.flush();
        return report;
    }
}
