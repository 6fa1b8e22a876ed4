package deltac.cli;

import deltac.graph.Graph;
import deltac.graph.Training;
import deltac.runtime.Optimizer;
import deltac.runtime.train.Adam;
import deltac.runtime.train.Momentum;
import deltac.runtime.train.Schedule;
import deltac.runtime.train.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The training settings in force and where each came from: a flag, else the spec's {@code Training} field, else
 * the default. {@code deltac train} prints them before it trains.
 */
final class Settings {
    /** One setting: its value as printed and its source ({@code --lr}, {@code spec.java:12:35} or {@code default}). */
    record Source(String name, String value, String from) {}

    private final List<Source> sources = new ArrayList<>();
    private final String optimizer;
    private final double lr;
    private final double momentum;
    private final int batch;
    private final int epochs;
    private final long seed;
    private final double validation;
    private final int patience;
    private final double weightDecay;
    private final String schedule;

    Settings(Graph graph, TrainingRun flags) {
        Training spec = graph.training();
        String file = graph.sourceFile();
        optimizer = pick("optimizer", flags.optimizer == null ? null : flags.optimizer.name().toLowerCase(Locale.ROOT),
                "--optimizer", spec, file, "adam");
        String defaultLr = switch (optimizer) {
            case "sgd" -> "0.5";
            case "momentum" -> "0.05";
            default -> "0.001";
        };
        lr = Double.parseDouble(pick("lr", flags.learningRate, "--lr", spec, file, defaultLr));
        momentum = optimizer.equals("momentum")
                ? Double.parseDouble(pick("momentum", flags.momentum, "--momentum", spec, file, "0.9")) : 0.9;
        batch = Integer.parseInt(pick("batch", flags.batch, "--batch", spec, file, "64"));
        epochs = Integer.parseInt(pick("epochs", flags.epochs, "--epochs", spec, file, "5"));
        seed = Long.parseLong(pick("seed", flags.seed, "--seed", spec, file, "42"));
        validation = Double.parseDouble(pick("val", flags.validation, "--val", spec, file, "0.1"));
        patience = Integer.parseInt(pick("patience", flags.patience, "--patience", spec, file, "0"));
        weightDecay = Double.parseDouble(pick("weightDecay", flags.weightDecay, "--weight-decay", spec, file, "0"));
        schedule = pick("schedule", flags.schedule == null ? null : flags.schedule.name().toLowerCase(Locale.ROOT),
                "--schedule", spec, file, "constant");
    }

    private String pick(String name, Object flag, String option, Training spec, String file, String byDefault) {
        String value;
        String from;
        Optional<Training.Setting> written = spec.get(name);
        if (flag != null) {
            value = flag.toString();
            from = option;
        } else if (written.isPresent()) {
            value = written.get().value();
            from = written.get().line() > 0 ? file + ":" + written.get().line() + ":" + written.get().column() : "the graph";
        } else {
            value = byDefault;
            from = "default";
        }
        sources.add(new Source(name, value, from));
        return value;
    }

    /** sgd, momentum or adam. */
    String optimizerName() {
        return optimizer;
    }

    int batch() {
        return batch;
    }

    int epochs() {
        return epochs;
    }

    long seed() {
        return seed;
    }

    double validation() {
        return validation;
    }

    int patience() {
        return patience;
    }

    double learningRate() {
        return lr;
    }

    /** The optimizer these settings describe, its schedule spread over {@code steps}. */
    Optimizer optimizer(long steps, boolean nesterov) {
        Schedule s = switch (schedule) {
            case "step" -> Schedule.step(Math.max(1, steps / 3), 0.1);
            case "cosine" -> Schedule.cosine(Math.max(1, steps), 0);
            default -> Schedule.constant();
        };
        return switch (optimizer) {
            case "sgd" -> new Sgd(lr, weightDecay, s);
            case "momentum" -> new Momentum(lr, momentum, nesterov, weightDecay, s);
            default -> new Adam(lr, 0.9, 0.999, 1e-8, weightDecay, false, s);
        };
    }

    /** A line per setting: {@code   lr           0.005     examples/mnist_mlp.java:14:45}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            if (s.name().equals("momentum") && !optimizer.equals("momentum")) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  %-12s %-10s %s%n", s.name(), s.value(), s.from()));
        }
        return sb.toString();
    }
}
