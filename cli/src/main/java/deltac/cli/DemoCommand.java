package deltac.cli;

import deltac.autodiff.check.FormulaChecker;
import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.report.Report;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.AtomicWrite;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.DataException;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    /** The spec's formulas derived by hand, checked into the report. */
    static final String BY_HAND = "examples/mnist_mlp_by_hand.java";

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    TrainingRun run;

    @Mixin
    EngineOptions engine;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "where the results go: weights.safetensors, loss.png, equations.md, equations.tex, report.html (default ${DEFAULT-VALUE})")
    Path outDir;

    @Override
    public Integer call() {
        run.checkNumerics = true;
        run.validate(command.commandLine());
        PrintWriter out = command.commandLine().getOut();
        Graph graph = Spec.read(bundledSpec(), SPEC).graph().orElseThrow();
        Equations equations = Equations.perSample(graph);
        out.println("== 1. the spec, " + SPEC + ", derived symbolically\n");
        out.println(equations.print(Format.TEXT));
        out.println("== 2. its trainer: the " + engine.engine.name().toLowerCase(Locale.ROOT) + " engine, "
                + engine.precision.name().toLowerCase(Locale.ROOT) + "\n");
        Settings settings = run.settings(graph);
        Trainer trainer = engine.trainer(graph, settings.seed(), run.checkNumerics);
        out.println("== 3. training on the bundled MNIST digits, checking every step for NaN and infinity\n");
        out.flush();
        FeedSet train;
        FeedSet test;
        try {
            train = FeedSet.bind(Bundled.mnistTrain(), trainer);
            test = FeedSet.bind(Bundled.mnistTest(), trainer);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        Evaluation e = run.run(trainer, settings, train, test, SPEC, out);
        List<Path> written = save(trainer, equations, graph, train.name());
        boolean passed = e.accuracy() >= BAR;
        out.printf(Locale.ROOT, "%n%s: %.2f%% of the 2,000 held-out digits right (the bar is %.0f%%)%n",
                passed ? "passed" : "FAILED", e.accuracy() * 100, BAR * 100);
        out.println("results in " + outDir + ": " + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
        out.flush();
        return passed ? 0 : Failures.USER_ERROR;
    }

    /** The weights, the loss plot, the equations and the report, each written atomically: a second run replaces them whole. */
    private List<Path> save(Trainer trainer, Equations equations, Graph graph, String trainedOn) {
        Path weights = outDir.resolve("weights.safetensors");
        Path plot = outDir.resolve("loss.png");
        Path markdown = outDir.resolve("equations.md");
        Path latex = outDir.resolve("equations.tex");
        Path report = outDir.resolve("report.html");
        try {
            Files.createDirectories(outDir);
            Checkpoints.save(trainer, weights, Map.of("deltac.spec", SPEC));
            LossPlot.write(run.lastHistory, plot);
            AtomicWrite.bytes(markdown, equations.print(Format.MARKDOWN).getBytes(StandardCharsets.UTF_8));
            AtomicWrite.bytes(latex, equations.print(Format.LATEX).getBytes(StandardCharsets.UTF_8));
            Report.write(Report.of(graph).withCheck(FormulaChecker.check(graph, bundled(BY_HAND), BY_HAND, false), BY_HAND)
                    .withHistory(run.lastHistory, trainedOn), report);
        } catch (IOException | CheckpointException e) {
            throw new UserError(outDir + ": cannot write the results: " + e.getMessage());
        }
        return List.of(weights, plot, markdown, latex, report);
    }

    /** The spec, from the jar (the examples folder is bundled as a resource). */
    static String bundledSpec() {
        return bundled(SPEC);
    }

    private static String bundled(String file) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/deltac/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /deltac/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
