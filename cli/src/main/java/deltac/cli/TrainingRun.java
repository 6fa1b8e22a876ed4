package deltac.cli;

import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.data.Dataset;
import deltac.runtime.train.Adam;
import deltac.runtime.train.Checkpoints;
import deltac.runtime.train.Evaluation;
import deltac.runtime.train.Fit;
import deltac.runtime.train.FitOptions;
import deltac.runtime.train.History;
import deltac.runtime.train.Momentum;
import deltac.runtime.train.NumericsException;
import deltac.runtime.train.ProgressSink;
import deltac.runtime.train.Schedule;
import deltac.runtime.train.Sgd;
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

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "passes over the training data (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "samples per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "sgd, momentum or adam (default ${DEFAULT-VALUE})")
    OptimizerKind optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: sgd 0.5, momentum 0.05, adam 0.001)")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9", description = "momentum's μ (default ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0", description = "L2 weight decay (default 0)")
    double weightDecay;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "constant",
            description = "learning rate schedule: constant, step (×0.1 every third of the run) or cosine (default ${DEFAULT-VALUE})")
    ScheduleKind schedule;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seeds the weights, the shuffles and the splits (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--val", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "fraction of the training data held out for validation (default ${DEFAULT-VALUE})")
    double validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0", description = "stop after N epochs without a lower validation loss (0: never)")
    int patience;

    @Option(names = "--check-numerics", description = "stop at the first NaN or infinity, naming the op, the value and the step")
    boolean checkNumerics;

    @Option(names = "--save", paramLabel = "FILE", description = "save the trained weights (safetensors, written atomically)")
    Path save;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "plot the loss (and accuracy) per epoch")
    Path plot;

    /** Usage errors for values picocli cannot check: exit 2. */
    void validate(CommandLine cli) {
        check(cli, epochs >= 1 && epochs <= 1_000_000, "--epochs must be between 1 and 1000000, got " + epochs);
        check(cli, batch >= 1 && batch <= 1_000_000, "--batch must be between 1 and 1000000, got " + batch);
        check(cli, learningRate == null || (learningRate > 0 && learningRate < 1e6 && Double.isFinite(learningRate)),
                "--lr must be a positive number below 1e6, got " + learningRate);
        check(cli, momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        check(cli, weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be ≥ 0, got " + weightDecay);
        check(cli, validation >= 0 && validation < 1, "--val must be in [0, 1), got " + validation);
        check(cli, patience >= 0, "--patience must be ≥ 0, got " + patience);
    }

    private static void check(CommandLine cli, boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(cli, message);
        }
    }

    Optimizer optimizer(long steps) {
        Schedule s = switch (schedule) {
            case CONSTANT -> Schedule.constant();
            case STEP -> Schedule.step(Math.max(1, steps / 3), 0.1);
            case COSINE -> Schedule.cosine(Math.max(1, steps), 0);
        };
        return switch (optimizer) {
            case SGD -> new Sgd(rate(0.5), weightDecay, s);
            case MOMENTUM -> new Momentum(rate(0.05), momentum, nesterov, weightDecay, s);
            case ADAM -> new Adam(rate(1e-3), 0.9, 0.999, 1e-8, weightDecay, false, s);
        };
    }

    private double rate(double byDefault) {
        return learningRate == null ? byDefault : learningRate;
    }

    /** Trains, then evaluates on the test set; saves and plots as asked. Returns the test evaluation. */
    Evaluation run(Trainer trainer, Dataset train, Dataset test, String spec, PrintWriter out) {
        long steps = (long) epochs * ((long) Math.ceil(train.size() * (1 - validation) / batch));
        Optimizer opt = optimizer(steps);
        PrintStream stream = new PrintStream(new WriterOutputStream(out), true);
        FitOptions options = FitOptions.defaults().epochs(epochs).batchSize(batch).seed(seed)
                .validationSplit(validation).patience(patience).checkNumerics(checkNumerics)
                .progress(Progress.auto(stream));
        out.printf(Locale.ROOT, "training %s on %s: %,d samples (%.0f%% held out for validation), %s, batch %d, %s, lr %s%n",
                trainer.name(), train.name(), train.size(), validation * 100, epochs == 1 ? "1 epoch" : epochs + " epochs",
                batch, optimizer.name().toLowerCase(Locale.ROOT), fmt(opt.learningRate()));
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
        out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% on %,d held-out samples of %s%n", evaluation.loss(),
                evaluation.accuracy() * 100, evaluation.samples(), test.name());
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
        out.flush();
        return evaluation;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
