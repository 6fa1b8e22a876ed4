package deltac.cli;

import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.train.Checkpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac train SPEC --data ...}: trains a spec and reports its accuracy on held-out data. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Derive a spec's gradients, build its trainer and train it; report the loss and accuracy per "
                + "epoch and on held-out test data.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--data", paramLabel = "DATA", defaultValue = "mnist", description = "the data: " + DataSets.HELP)
    String data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "a CSV file's label column, or a target column of a regression (repeat it for several); default: the last")
    List<String> labels = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "FILE", description = "start from these weights instead of the initializers")
    Path weights;

    @Mixin
    TrainingRun run;

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        run.validate(command.commandLine());
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        Settings settings = run.settings(graph);
        Trainer trainer = engine.trainer(graph, settings.seed(), run.checkNumerics);
        if (weights != null) {
            try {
                Checkpoints.load(trainer, weights);
            } catch (CheckpointException e) {
                throw new UserError(e.getMessage());
            }
        }
        DataSets.Split split = DataSets.load(data, labels, settings.seed(), trainer);
        run.run(trainer, settings, split.train(), split.test(), spec.toString(), command.commandLine().getOut());
        return 0;
    }
}
