package deltac.cli;

import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.data.DataException;
import deltac.runtime.data.FeedSet;
import deltac.runtime.data.SafetensorsData;
import deltac.runtime.train.Checkpoints;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac grad SPEC --weights W --batch B --out G}: the gradients of one batch, to compare with another tool. */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = "Compute ∂C/∂P for every parameter on one batch and write them as safetensors, named like the "
                + "parameters; the batch file holds each of the spec's inputs and targets by name.")
final class GradCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--weights", paramLabel = "FILE", required = true, description = "the weights (safetensors)")
    Path weights;

    @Option(names = "--batch", paramLabel = "FILE", required = true,
            description = "the batch (safetensors): a tensor per input and target, named as in the spec, a column per sample (x: 784×n) or [n, rows]")
    Path batch;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the gradients")
    Path out;

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        Trainer trainer = engine.trainer(graph, 0);
        try {
            Checkpoints.load(trainer, weights);
            FeedSet data = SafetensorsData.read(batch, trainer.feeds(), trainer.name(), true);
            int n = data.size();
            double[][] feeds = new double[trainer.feeds().size()][];
            for (int k = 0; k < feeds.length; k++) {
                feeds[k] = new double[trainer.feeds().get(k).rows() * n];
            }
            int[] all = java.util.stream.IntStream.range(0, n).toArray();
            data.copyBatch(trainer.feeds(), all, 0, n, feeds);
            double loss = trainer.computeGradients(feeds, n);
            Map<String, String> metadata = new HashMap<>();
            metadata.put("deltac.content", "gradients");
            metadata.put("deltac.loss", Double.toString(loss));
            metadata.put("deltac.spec", spec.toString());
            Safetensors.write(out, trainer.gradients(), metadata);
            command.commandLine().getOut().printf(Locale.ROOT, "loss %.6g over %d samples; wrote %d gradients to %s%n",
                    loss, n, trainer.gradients().size(), out);
            command.commandLine().getOut().flush();
        } catch (CheckpointException | DataException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }
}
