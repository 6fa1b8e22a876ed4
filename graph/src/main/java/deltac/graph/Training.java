package deltac.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How a network says it trains: an optimizer, its learning rate and the loop's settings, as a spec's
 * {@code Training} field writes them. Read, never run: a trainer decides what to do with each setting.
 *
 * <pre>{@code
 * // in a spec:  Training training = momentum(0.05, 0.9).batch(32).epochs(20).schedule(cosine());
 * Training t = Training.momentum(0.05, 0.9).batch(32).epochs(20).schedule("cosine");
 * t.batch();        // OptionalInt[32]
 * t.get("epochs");  // Optional[Setting[name=epochs, value=20, line=0, column=0]]
 * }</pre>
 *
 * Each setting is at most once; a training that is not {@link #NONE} has an optimizer and a learning rate. Every
 * number keeps the rule of {@link #ruleBroken}, in code ({@link IllegalArgumentException}) as in a spec (a
 * diagnostic). A wither returns a copy with that setting set, in the place it had if it was set before.
 */
public final class Training {

    /**
     * One setting as written.
     *
     * @param name   one of {@link #NAMES}
     * @param value  the canonical text of its number ({@code "0.1"}, {@code "8"}, {@code "1e-4"}), or its word
     * @param line   where the spec wrote it (the optimizer's or the method's name; lr and μ: their argument),
     *               1-based; 0 for a setting made in code
     * @param column likewise
     */
    public record Setting(String name, String value, int line, int column) {
        public Setting {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown training setting " + name + ": the settings are " + NAMES);
            }
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + " has no value");
            }
        }
    }

    /** Every setting's name, in the order {@link #toString} writes them. */
    public static final List<String> NAMES = List.of(
            "optimizer", "lr", "momentum", "batch", "epochs", "seed", "val", "patience", "weightDecay", "schedule");
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");
    public static final List<String> SCHEDULES = List.of("constant", "step", "cosine");

    /** No settings: the graph does not say how it trains. */
    public static final Training NONE = new Training(List.of());

    private static final Set<String> WORDS = Set.of("optimizer", "schedule");
    private static final Set<String> INTEGERS = Set.of("batch", "epochs", "seed", "patience");
    private static final long LARGEST_SEED = 1L << 53; // a spec's numbers are doubles, exact up to here
    private static final int MOST = 1_000_000;

    private final List<Setting> settings;

    private Training(List<Setting> settings) {
        this.settings = List.copyOf(settings);
    }

    /**
     * Settings as read from a spec, in the order written; checked as a builder checks them: known names, each
     * once, optimizer and lr first, momentum only for the momentum optimizer, and every value within its rule.
     */
    public static Training of(List<Setting> settings) {
        if (settings.isEmpty()) {
            return NONE;
        }
        if (settings.size() < 2 || !settings.get(0).name().equals("optimizer") || !settings.get(1).name().equals("lr")) {
            throw new IllegalArgumentException("a training starts with its optimizer and learning rate: " + settings);
        }
        Set<String> seen = new HashSet<>();
        for (Setting s : settings) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException(s.name() + " is given twice: " + settings);
            }
            check(s.name(), s.value());
        }
        if (seen.contains("momentum") && !settings.get(0).value().equals("momentum")) {
            throw new IllegalArgumentException("only the momentum optimizer has a momentum: " + settings);
        }
        return new Training(settings);
    }

    // --- the Java API: an optimizer, then withers

    public static Training sgd(double lr) {
        return start("sgd", lr);
    }

    public static Training adam(double lr) {
        return start("adam", lr);
    }

    /** Momentum with the trainer's default μ. */
    public static Training momentum(double lr) {
        return start("momentum", lr);
    }

    /** Momentum with μ in [0, 1). */
    public static Training momentum(double lr, double mu) {
        return start("momentum", lr).with("momentum", number("momentum", mu));
    }

    private static Training start(String optimizer, double lr) {
        return new Training(List.of(new Setting("optimizer", optimizer, 0, 0), new Setting("lr", number("lr", lr), 0, 0)));
    }

    public Training batch(int batch) {
        return with("batch", number("batch", batch));
    }

    public Training epochs(int epochs) {
        return with("epochs", number("epochs", epochs));
    }

    public Training seed(long seed) {
        return with("seed", number("seed", seed));
    }

    /** The fraction of the training data held out for validation, in [0, 1). */
    public Training validation(double fraction) {
        return with("val", number("val", fraction));
    }

    public Training patience(int epochs) {
        return with("patience", number("patience", epochs));
    }

    public Training weightDecay(double lambda) {
        return with("weightDecay", number("weightDecay", lambda));
    }

    /** One of {@link #SCHEDULES}. */
    public Training schedule(String schedule) {
        check("schedule", schedule);
        return with("schedule", schedule);
    }

    private Training with(String name, String value) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("a training starts with its optimizer: Training.sgd(lr), .momentum(lr, mu)"
                    + " or .adam(lr)");
        }
        List<Setting> copy = new ArrayList<>(settings);
        Setting setting = new Setting(name, value, 0, 0);
        int at = copy.stream().map(Setting::name).toList().indexOf(name);
        if (at >= 0) {
            copy.set(at, setting);
        } else {
            copy.add(setting);
        }
        return new Training(copy);
    }

    // --- the rules

    /**
     * The rule a setting's number breaks, e.g. {@code "batch must be an integer from 1 to 1000000"}, or empty when
     * it keeps it. Only for the settings with numbers (not optimizer and schedule).
     */
    public static Optional<String> ruleBroken(String name, double v) {
        boolean integer = v == Math.rint(v);
        boolean ok = switch (name) {
            case "lr" -> v > 0 && v < 1e6;
            case "momentum", "val" -> v >= 0 && v < 1;
            case "batch", "epochs" -> integer && v >= 1 && v <= MOST;
            case "patience" -> integer && v >= 0 && v <= MOST;
            case "seed" -> integer && Math.abs(v) <= LARGEST_SEED;
            case "weightDecay" -> v >= 0 && Double.isFinite(v);
            default -> throw new IllegalArgumentException(name + " is not a number setting");
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "lr" -> "the learning rate must be greater than 0 and less than 1e6";
            case "momentum" -> "the momentum must be at least 0 and less than 1";
            case "val" -> "validation must be at least 0 and less than 1 (the fraction held out)";
            case "batch", "epochs" -> name + " must be an integer from 1 to " + MOST;
            case "patience" -> "patience must be an integer from 0 to " + MOST;
            case "seed" -> "seed must be an integer from -2^53 to 2^53";
            default -> "weightDecay must be finite and at least 0";
        });
    }

    /** Whether a setting's number is an integer (batch, epochs, seed, patience). */
    public static boolean isInteger(String name) {
        return INTEGERS.contains(name);
    }

    /** The canonical text of a setting's number: {@code 8} for an integer setting, else as formulas print numbers. */
    public static String canonical(String name, double v) {
        return isInteger(name) ? Long.toString((long) v) : ExprPrinter.number(v);
    }

    private static String number(String name, double v) {
        ruleBroken(name, v).ifPresent(rule -> {
            throw new IllegalArgumentException(rule + ", got " + ExprPrinter.number(v));
        });
        return canonical(name, v);
    }

    private static void check(String name, String value) {
        if (WORDS.contains(name)) {
            List<String> words = name.equals("optimizer") ? OPTIMIZERS : SCHEDULES;
            if (!words.contains(value)) {
                throw new IllegalArgumentException("the " + name + " is one of " + words + ", got " + value);
            }
            return;
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a number, got " + value);
        }
        if (!number(name, v).equals(value)) {
            throw new IllegalArgumentException(name + "'s value " + value + " is not in its canonical form "
                    + canonical(name, v));
        }
    }

    // --- reading

    public List<Setting> settings() {
        return settings;
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    public Optional<Setting> get(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<String> optimizer() {
        return get("optimizer").map(Setting::value);
    }

    public OptionalDouble lr() {
        return real("lr");
    }

    /** μ, when the spec gave it (momentum(lr, mu)). */
    public OptionalDouble momentum() {
        return real("momentum");
    }

    public OptionalInt batch() {
        return whole("batch");
    }

    public OptionalInt epochs() {
        return whole("epochs");
    }

    public OptionalLong seed() {
        return get("seed").map(s -> OptionalLong.of(Long.parseLong(s.value()))).orElse(OptionalLong.empty());
    }

    public OptionalDouble validation() {
        return real("val");
    }

    public OptionalInt patience() {
        return whole("patience");
    }

    public OptionalDouble weightDecay() {
        return real("weightDecay");
    }

    public Optional<String> schedule() {
        return get("schedule").map(Setting::value);
    }

    private OptionalDouble real(String name) {
        return get(name).map(s -> OptionalDouble.of(Double.parseDouble(s.value()))).orElse(OptionalDouble.empty());
    }

    private OptionalInt whole(String name) {
        return get(name).map(s -> OptionalInt.of(Integer.parseInt(s.value()))).orElse(OptionalInt.empty());
    }

    /** The same settings with the same values, whatever their order and positions (a spec's and its builder twin's). */
    public boolean sameAs(Training other) {
        return values().equals(other.values());
    }

    private Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        settings.forEach(s -> values.put(s.name(), s.value()));
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Training t && settings.equals(t.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    /**
     * As a spec writes it, the settings in the order of {@link #NAMES}, e.g.
     * {@code momentum(0.05, 0.9).batch(32).schedule(cosine())}; empty for NONE.
     */
    @Override
    public String toString() {
        if (settings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(optimizer().orElseThrow()).append('(').append(get("lr").orElseThrow().value());
        get("momentum").ifPresent(mu -> out.append(", ").append(mu.value()));
        out.append(')');
        for (String name : NAMES.subList(3, NAMES.size())) {
            get(name).ifPresent(s -> out.append('.').append(method(name)).append('(')
                    .append(name.equals("schedule") ? s.value() + "()" : s.value()).append(')'));
        }
        return out.toString();
    }

    /** The spec's method for a setting: {@code validation} for val, else the setting's own name. */
    public static String method(String name) {
        return name.equals("val") ? "validation" : name;
    }
}
