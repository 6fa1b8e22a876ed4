package deltac.cli;

import deltac.autodiff.check.CheckReport;
import deltac.graph.Graph;
import deltac.report.Report;
import deltac.report.RunFile;
import deltac.runtime.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deltac report SPEC -o report.html}: one self-contained page with the equations, the graph, the verdicts on
 * hand-derived formulas and, with {@code --train}, the training curves. The training options are {@code train}'s,
 * but for the batch size, {@code --batch-size} here: {@code --batch} asks for the batch form, as in {@code derive}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ReportCommand.TrainingOptions.class,
        description = "Write one self-contained HTML page that opens offline: the equations (forward and backward, per "
                + "sample and in batch form) typeset with KaTeX, the graph as SVG, the verdicts on hand-derived formulas "
                + "(--by-hand) and, with --train or --run, the loss and accuracy per epoch.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
            description = "the page to write (default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--by-hand", paramLabel = "FILE",
            description = "hand-derived formulas to check and show beside the derived ones")
    Path byHand;

    @Option(names = "--batch", description = "draw the graph and check the formulas in batch form (1/n, column sums)")
    boolean batch;

    @Option(names = "--train", description = "train first (with train's options; --batch-size for the batch size) and draw the curves")
    boolean train;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "mnist", description = "with --train, the data: " + DataSets.HELP)
    String data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "with --train, a CSV file's label column (repeat for several)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--run", paramLabel = "FILE.csv", description = "draw the curves of a run saved by train --metrics")
    Path runFile;

    /** train's options, added by {@link TrainingOptions} rather than as a mixin: its --batch is --batch-size here. */
    final TrainingRun run = new TrainingRun();

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        run.validate(command.commandLine());
        Graph graph = SpecFiles.read(spec, err);
        Report.Contents contents = Report.of(graph).withBatch(batch);
        if (byHand != null) {
            contents = contents.withCheck(check(graph, err), byHand.toString(), batch);
        }
        if (runFile != null) {
            try {
                contents = contents.withHistory(RunFile.read(runFile), runFile.getFileName().toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserError(runFile + ": no such file");
            } catch (IOException e) {
                throw new UserError(e.getMessage());
            }
        }
        if (train) {
            Settings settings = run.settings(graph);
            Trainer trainer = engine.trainer(graph, settings.seed(), run.checkNumerics);
            DataSets.Split split = DataSets.load(data, labels, settings.seed(), trainer);
            run.run(trainer, settings, split.train(), split.test(), spec.toString(), out);
            contents = contents.withHistory(run.lastHistory, split.train().name());
        }
        long size = write(contents, output);
        out.printf(Locale.ROOT, "wrote %s (%,d bytes): open it in a browser, offline%n", output, size);
        out.flush();
        return 0;
    }

    private CheckReport check(Graph graph, PrintWriter err) {
        return CheckCommand.check(graph, byHand, batch, err);
    }

    static long write(Report.Contents contents, Path file) {
        try {
            return Report.write(contents, file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the report: " + e.getMessage());
        }
    }

    /** Adds {@code train}'s options to {@code report}, its {@code --batch N} as {@code --batch-size N}. */
    static final class TrainingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            TrainingRun run = ((ReportCommand) spec.userObject()).run;
            for (OptionSpec option : CommandSpec.forAnnotatedObject(run).options()) {
                OptionSpec.Builder copy = OptionSpec.builder(option);
                if (option.longestName().equals("--batch")) {
                    copy.names("--batch-size").description("with --train, samples per step (default: the spec's, else 64)");
                } else {
                    copy.description("with --train, " + option.description()[0]);
                }
                spec.addOption(copy.build());
            }
            return spec;
        }
    }
}
