package deltac.cli;

import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import deltac.runtime.data.FeedSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac eval SPEC --weights FILE}: the loss and accuracy of trained weights on held-out data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate trained weights on a data set's held-out test samples: the loss, and for a classifier its "
                + "accuracy and confusion matrix with each class's precision and recall, for real values the RMSE.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--weights", paramLabel = "FILE", required = true, description = "the trained weights (safetensors)")
    Path weights;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "mnist", description = "the data: " + DataSets.HELP)
    String data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "a CSV file's label column, or a target column of a regression (repeat it for several); default: the last")
    List<String> labels = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "the seed of the held-out split (as in train)")
    long seed;

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        Trainer trainer = engine.trainer(graph, seed);
        try {
            Checkpoints.load(trainer, weights);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage());
        }
        FeedSet test = DataSets.load(data, labels, seed, trainer).test();
        Evaluation e = Fit.evaluate(trainer, test, 256);
        PrintWriter out = command.commandLine().getOut();
        out.println(trainer.name() + " on " + test.name() + ": " + Report.measures(e));
        if (e.hasAccuracy()) {
            out.println();
            out.print(Report.confusion(Fit.confusion(trainer, test, 256), test.classNames()));
        }
        out.flush();
        return 0;
    }
}
