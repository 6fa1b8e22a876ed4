package deltac.cli;

import deltac.codegen.Signature;
import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
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
                + "parameters; the batch file holds the spec's input and target by name, a column per sample.")
final class GradCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--weights", paramLabel = "FILE", required = true, description = "the weights (safetensors)")
    Path weights;

    @Option(names = "--batch", paramLabel = "FILE", required = true,
            description = "the batch (safetensors): the input and the target, e.g. x (784×n) and y (10×n)")
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
        Signature signature = Signature.of(graph);
        try {
            Checkpoints.load(trainer, weights);
            Checkpoint data = Safetensors.read(batch);
            Tensor x = column(data, signature.input().name(), trainer.inputRows());
            Tensor y = column(data, signature.target().name(), trainer.targetRows());
            if (x.cols() != y.cols()) {
                throw new UserError(batch + ": " + x.name() + " has " + x.cols() + " samples but " + y.name() + " has " + y.cols());
            }
            double loss = trainer.computeGradients(x.asF64(), y.asF64(), x.cols());
            Map<String, String> metadata = new HashMap<>();
            metadata.put("deltac.content", "gradients");
            metadata.put("deltac.loss", Double.toString(loss));
            metadata.put("deltac.spec", spec.toString());
            Safetensors.write(out, trainer.gradients(), metadata);
            command.commandLine().getOut().printf(Locale.ROOT, "loss %.6g over %d samples; wrote %d gradients to %s%n",
                    loss, x.cols(), trainer.gradients().size(), out);
            command.commandLine().getOut().flush();
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }

    private Tensor column(Checkpoint data, String name, int rows) {
        if (!data.has(name)) {
            throw new UserError(batch + ": no tensor " + name + " (the batch needs " + name + ", " + rows + "×n)");
        }
        Tensor t = data.get(name);
        if (t.rows() != rows || t.cols() < 1) {
            throw new UserError(batch + ": " + name + " is " + t.rows() + "×" + t.cols() + " but the spec needs " + rows + "×n");
        }
        return t;
    }
}
