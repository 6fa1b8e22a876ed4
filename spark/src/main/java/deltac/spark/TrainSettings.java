package deltac.spark;

import deltac.graph.Training;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Train}'s settings: each flag given, else the spec's {@code Training} field, else {@code deltac train}'s
 * default (Adam 0.001, or SGD 0.5 and momentum 0.05 with μ 0.9; batch 64; 5 epochs; seed 42).
 */
final class TrainSettings {
    private TrainSettings() {}

    static SparkFitOptions from(Map<String, String> flags, Training spec) {
        String optimizer = pick("optimizer", flags, spec, "adam").toLowerCase(Locale.ROOT);
        String defaultLr = switch (optimizer) {
            case "sgd" -> "0.5";
            case "momentum" -> "0.05";
            case "adam" -> "0.001";
            default -> throw new UsageException("--optimizer takes sgd, momentum or adam, got " + optimizer);
        };
        double lr = number("lr", pick("lr", flags, spec, defaultLr));
        double mu = number("momentum", pick("momentum", flags, spec, "0.9"));
        OptimizerChoice choice = new OptimizerChoice(OptimizerChoice.Kind.valueOf(optimizer.toUpperCase(Locale.ROOT)), lr,
                optimizer.equals("momentum") ? mu : 0, false, 0);
        SparkFitOptions options = SparkFitOptions.defaults()
                .epochs(whole("epochs", pick("epochs", flags, spec, "5")))
                .batchSize(whole("batch", pick("batch", flags, spec, "64")))
                .seed((long) number("seed", pick("seed", flags, spec, "42")))
                .optimizer(choice);
        String mode = flags.getOrDefault("mode", "sync");
        return switch (mode) {
            case "sync" -> options.synchronous();
            case "average" -> options.averageEvery(whole("average-every", flags.getOrDefault("average-every", "10")));
            default -> throw new UsageException("--mode takes sync or average, got " + mode);
        };
    }

    /** {@code --partitions}, else {@code byDefault} (Spark's default parallelism). */
    static int partitions(Map<String, String> flags, int byDefault) {
        return flags.containsKey("partitions") ? whole("partitions", flags.get("partitions")) : byDefault;
    }

    private static String pick(String name, Map<String, String> flags, Training spec, String byDefault) {
        if (flags.containsKey(name)) {
            return flags.get(name);
        }
        Optional<Training.Setting> written = spec.get(name);
        return written.map(Training.Setting::value).orElse(byDefault);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, got " + value);
        }
    }

    private static int whole(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new UsageException("--" + name + " must be at least 1, got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got " + value);
        }
    }

    /** A command line that cannot be run: exit 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
