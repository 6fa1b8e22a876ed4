package deltac.cli;

import deltac.graph.Graph;
import deltac.report.RunFile;
import deltac.runtime.Feeds;
import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.data.FeedSet;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import deltac.runtime.train.History;
import deltac.runtime.train.NumericsException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The training options and the run they describe; shared by {@code train} and {@code demo}. */
final class TrainingRun {
    enum OptimizerKind { SGD, MOMENTUM, ADAM }

    enum ScheduleKind { CONSTANT, STEP, COSINE }

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training data (default: the spec's, else 5)")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "samples per step (default: the spec's, else 64)")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum or adam (default: the spec's, else adam)")
    OptimizerKind optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: the spec's, else sgd 0.5, momentum 0.05, adam 0.001)")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU", description = "momentum's μ (default: the spec's, else 0.9)")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay (default: the spec's, else 0)")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "learning rate schedule: constant, step (×0.1 every third of the run) or cosine (default: the spec's, else constant)")
    ScheduleKind schedule;

    @Option(names = "--seed", paramLabel = "N", description = "seeds the weights, the shuffles and the splits (default: the spec's, else 42)")
    Long seed;

    @Option(names = "--val", paramLabel = "FRACTION",
            description = "fraction of the training data held out for validation (default: the spec's, else 0.1)")
    Double validation;

    @Option(names = "--patience", paramLabel = "N", description = "stop after N epochs without a lower validation loss (default: the spec's, else 0: never)")
    Integer patience;

    @Option(names = "--check-numerics", description = "stop at the first NaN or infinity, naming the op, the value and the step")
    boolean checkNumerics;

    @Option(names = "--save", paramLabel = "FILE", description = "save the trained weights (safetensors, written atomically)")
    Path save;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "plot the loss (and accuracy) per epoch")
    Path plot;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "save the loss and accuracy per epoch, for deltac report --run")
    Path metrics;

    /** Usage errors for values picocli cannot check: exit 2. */
    void validate(CommandLine cli) {
        check(cli, epochs == null || (epochs >= 1 && epochs <= 1_000_000), "--epochs must be between 1 and 1000000, got " + epochs);
        check(cli, batch == null || (batch >= 1 && batch <= 1_000_000), "--batch must be between 1 and 1000000, got " + batch);
        check(cli, learningRate == null || (learningRate > 0 && learningRate < 1e6 && Double.isFinite(learningRate)),
                "--lr must be a positive number below 1e6, got " + learningRate);
        check(cli, momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got " + momentum);
        check(cli, weightDecay == null || (weightDecay >= 0 && Double.isFinite(weightDecay)),
                "--weight-decay must be ≥ 0, got " + weightDecay);
        check(cli, validation == null || (validation >= 0 && validation < 1), "--val must be in [0, 1), got " + validation);
        check(cli, patience == null || patience >= 0, "--patience must be ≥ 0, got " + patience);
    }

    private static void check(CommandLine cli, boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(cli, message);
        }
    }

    /** The settings in force: each flag given, else the spec's {@code Training}, else the default. */
    Settings settings(Graph graph) {
        return new Settings(graph, this);
    }

    /** Trains with these settings, then evaluates on the test set; saves and plots as asked. */
    Evaluation run(Trainer trainer, Settings settings, FeedSet train, FeedSet test, String spec, PrintWriter out) {
        long steps = (long) settings.epochs() * ((long) Math.ceil(train.size() * (1 - settings.validation()) / settings.batch()));
        Optimizer opt = settings.optimizer(steps, nesterov);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        FitOptions options = FitOptions.defaults().epochs(settings.epochs()).batchSize(settings.batch())
                .seed(settings.seed()).validationSplit(settings.validation()).patience(settings.patience())
                .checkNumerics(checkNumerics).progress(Progress.auto(stream));
        out.printf(Locale.ROOT, "training %s on %s: %,d samples of %s, %.0f%% held out for validation%n",
                trainer.name(), train.name(), train.size(), Feeds.names(trainer.feeds()), settings.validation() * 100);
        out.print(settings.describe());
        out.flush();
        History history;
        try {
            history = Fit.run(trainer, train, null, opt, options);
        } catch (NumericsException e) {
            throw new UserError(spec + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new UserError(spec + ": " + e.getMessage());
        }
        stream.flush();
        Evaluation evaluation = Fit.evaluate(trainer, test, 256);
        out.printf(Locale.ROOT, "test: %s on %,d held-out samples of %s%n", Report.measures(evaluation),
                evaluation.samples(), test.name());
        lastHistory = history;
        if (save != null) {
            try {
                Checkpoints.save(trainer, save, Map.of("deltac.spec", spec, "deltac.epochs", Integer.toString(history.epochs().size())));
            } catch (CheckpointException e) {
                throw new UserError(e.getMessage());
            }
            out.println("saved the weights to " + save);
        }
        if (plot != null) {
            try {
                LossPlot.write(history, plot);
            } catch (IOException e) {
                throw new UserError(plot + ": cannot write the plot: " + e.getMessage());
            }
            out.println("plotted the loss to " + plot);
        }
        if (metrics != null) {
            try {
                RunFile.write(history, metrics);
            } catch (IOException e) {
                throw new UserError(metrics + ": cannot write the metrics: " + e.getMessage());
            }
            out.println("saved the metrics to " + metrics);
        }
        out.flush();
        return evaluation;
    }

    /** The epochs of the last {@link #run}. */
    History lastHistory;
}
