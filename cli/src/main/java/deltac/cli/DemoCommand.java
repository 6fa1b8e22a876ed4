package deltac.cli;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.train.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code deltac demo}: the main job on its bundled default, the textbook MNIST network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on its bundled default: derive the backpropagation equations of "
                + "examples/mnist_mlp.java (784-128-10, sigmoid, softmax and cross-entropy), build its trainer, train "
                + "it on the bundled 8,000 MNIST digits and report its accuracy on the 2,000 held out (the bar: 93%%).")
final class DemoCommand implements Callable<Integer> {
    static final String SPEC = "examples/mnist_mlp.java";
    static final double BAR = 0.93;

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    TrainingRun run;

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        run.checkNumerics = true;
        if (!command.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            run.epochs = 10;
        }
        if (run.learningRate == null) {
            run.learningRate = 0.005; // Adam at 0.005 clears the bar in 10 epochs with a margin (94% here)
        }
        run.validate(command.commandLine());
        PrintWriter out = command.commandLine().getOut();
        Graph graph = Spec.read(bundledSpec(), SPEC).graph().orElseThrow();
        out.println("== 1. the spec, " + SPEC + ", derived symbolically\n");
        out.println(Equations.perSample(graph).print(Format.TEXT));
        out.println("== 2. its trainer: the " + engine.engine.name().toLowerCase(Locale.ROOT) + " engine, "
                + engine.precision.name().toLowerCase(Locale.ROOT) + "\n");
        Trainer trainer = engine.trainer(graph, run.seed, run.checkNumerics);
        out.println("== 3. training on the bundled MNIST digits, checking every step for NaN and infinity\n");
        out.flush();
        Evaluation e = run.run(trainer, Bundled.mnistTrain(), Bundled.mnistTest(), SPEC, out);
        boolean passed = e.accuracy() >= BAR;
        out.printf(Locale.ROOT, "%n%s: %.2f%% of the 2,000 held-out digits right (the bar is %.0f%%)%n",
                passed ? "passed" : "FAILED", e.accuracy() * 100, BAR * 100);
        out.flush();
        return passed ? 0 : Failures.USER_ERROR;
    }

    /** The spec, from the jar (the examples folder is bundled as a resource). */
    static String bundledSpec() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/deltac/" + SPEC)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /deltac/" + SPEC);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
