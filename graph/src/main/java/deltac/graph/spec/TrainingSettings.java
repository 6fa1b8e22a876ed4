package deltac.graph.spec;

import com.github.javaparser.Position;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import deltac.graph.ExprPrinter;
import deltac.graph.Training;
import deltac.graph.Training.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec's {@code Training} field: an optimizer, then settings, each at most once.
 *
 * <pre>{@code
 * Training training = momentum(0.05, 0.9).batch(32).epochs(20).schedule(cosine()).weightDecay(1e-4);
 * }</pre>
 *
 * Read like a param's dimensions: every argument is a constant (a literal or the spec's named numbers), checked
 * against {@link Training#ruleBroken}; a mistake is one diagnostic where it is.
 */
final class TrainingSettings {
    /** The chained methods, each with the setting it makes. */
    private static final Map<String, String> METHODS = new LinkedHashMap<>();

    static {
        for (String name : Training.NAMES.subList(3, Training.NAMES.size())) {
            METHODS.put(Training.method(name), name);
        }
    }

    private static final String FORMS = "sgd(lr), momentum(lr, mu) or adam(lr)";

    private final SpecTranslator owner;
    private final Scope scope;
    private final List<Setting> settings = new ArrayList<>();

    TrainingSettings(SpecTranslator owner, Scope scope) {
        this.owner = owner;
        this.scope = scope;
    }

    /** The optimizer call a value's chain starts with ({@code sgd(0.1)} in {@code sgd(0.1).batch(8)}), if any. */
    static Optional<MethodCallExpr> optimizerCall(Expression value) {
        Expression e = value;
        while (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
            e = call.getScope().get();
        }
        if (e instanceof MethodCallExpr call && Training.OPTIMIZERS.contains(call.getNameAsString())) {
            return Optional.of(call);
        }
        return Optional.empty();
    }

    Training read(Expression value) {
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression e = value;
        while (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
            chain.add(0, call); // in the order they are written
            e = call.getScope().get();
        }
        if (!(e instanceof MethodCallExpr start)) {
            throw owner.error(e, "a Training starts with its optimizer: " + FORMS + ", then settings such as .batch(n)");
        }
        optimizer(start);
        for (MethodCallExpr call : chain) {
            setting(call);
        }
        return Training.of(settings);
    }

    private void optimizer(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (!Training.OPTIMIZERS.contains(name)) {
            String hint = Suggestions.didYouMean(name, Training.OPTIMIZERS);
            throw owner.error(call, "unknown optimizer " + name + (hint.isEmpty() ? ": the optimizers are " + FORMS : hint));
        }
        List<Expression> args = call.getArguments();
        boolean momentum = name.equals("momentum");
        if (args.size() != 1 && !(momentum && args.size() == 2)) {
            throw owner.error(call, "wrong number of arguments: " + name + " takes "
                    + (momentum ? "1 or 2 (the learning rate, and μ)" : "1 (the learning rate)") + ", got " + args.size());
        }
        add("optimizer", name, call);
        add("lr", number("lr", args.get(0)), args.get(0));
        if (args.size() == 2) {
            add("momentum", number("momentum", args.get(1)), args.get(1));
        }
    }

    private void setting(MethodCallExpr call) {
        String method = call.getNameAsString();
        String name = METHODS.get(method);
        if (Training.OPTIMIZERS.contains(method)) {
            throw owner.error(call.getName(), "the optimizer is given twice (first " + settings.get(0).value()
                    + " at " + where(settings.get(0)) + ")");
        }
        if (name == null) {
            String hint = Suggestions.didYouMean(method, METHODS.keySet());
            throw owner.error(call.getName(), "unknown training setting ." + method + (hint.isEmpty()
                    ? ": the settings are ." + String.join("() .", METHODS.keySet()) + "()" : hint));
        }
        for (Setting s : settings) {
            if (s.name().equals(name)) {
                throw owner.error(call.getName(), method + " is given twice (first at " + where(s) + ")");
            }
        }
        if (call.getArguments().size() != 1) {
            throw owner.error(call.getName(), "wrong number of arguments: " + method + " takes 1 argument, got "
                    + call.getArguments().size());
        }
        Expression arg = call.getArgument(0);
        add(name, name.equals("schedule") ? schedule(arg) : number(name, arg), call.getName());
    }

    private String schedule(Expression e) {
        if (!(e instanceof MethodCallExpr call) || call.getScope().isPresent()) {
            throw owner.error(e, "a schedule is one of constant(), step(), cosine()");
        }
        String name = call.getNameAsString();
        if (!Training.SCHEDULES.contains(name)) {
            String hint = Suggestions.didYouMean(name, Training.SCHEDULES);
            throw owner.error(call, "unknown schedule " + name + (hint.isEmpty()
                    ? ": the schedules are constant(), step(), cosine()" : hint));
        }
        if (!call.getArguments().isEmpty()) {
            throw owner.error(call, "wrong number of arguments: " + name + " takes 0, got " + call.getArguments().size());
        }
        return name;
    }

    /** A setting's number, kept to its rule; the canonical text of it. */
    private String number(String name, Expression e) {
        double v = Numbers.constant(e, scope);
        Optional<String> broken = Training.ruleBroken(name, v);
        if (broken.isPresent()) {
            String text = e.toString();
            String value = ExprPrinter.number(v);
            boolean plain = Numbers.isLiteral(e) || text.equals(value);
            throw owner.error(e, broken.get() + ", got " + text + (plain ? "" : " = " + value));
        }
        return Training.canonical(name, v);
    }

    private void add(String name, String value, com.github.javaparser.ast.Node at) {
        Position p = SpecTranslator.position(at);
        settings.add(new Setting(name, value, p.line, p.column));
    }

    private static String where(Setting s) {
        return s.line() + ":" + s.column();
    }
}
