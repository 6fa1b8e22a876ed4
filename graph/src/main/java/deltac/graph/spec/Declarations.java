package deltac.graph.spec;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import deltac.graph.Init;
import deltac.graph.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The declarations of a spec's fields: {@code input(784)}, {@code target(10)}, {@code param(128, 784).init(he())}. */
final class Declarations {
    static final Set<String> LEAVES = Set.of("input", "target", "param");
    static final Set<String> INITIALIZERS = Set.of("glorot", "he", "normal", "uniform", "zeros");

    /** What a leaf declaration says. {@code init} is null when none was given. */
    record Leaf(String kind, Shape shape, Init init) {}

    private final SpecTranslator owner;
    private final Scope scope;

    Declarations(SpecTranslator owner, Scope scope) {
        this.owner = owner;
        this.scope = scope;
    }

    /** The {@code input/target/param(...)} call under any {@code .init(...)}, if the value is a declaration. */
    static Optional<MethodCallExpr> leafCall(Expression value) {
        Expression e = value;
        while (e instanceof MethodCallExpr call && call.getNameAsString().equals("init") && call.getScope().isPresent()) {
            e = call.getScope().get();
        }
        if (e instanceof MethodCallExpr call && call.getScope().isEmpty() && LEAVES.contains(call.getNameAsString())) {
            return Optional.of(call);
        }
        return Optional.empty();
    }

    Leaf leaf(MethodCallExpr call, Expression whole) {
        String kind = call.getNameAsString();
        List<Expression> args = call.getArguments();
        Shape shape;
        if (kind.equals("param")) {
            if (args.isEmpty() || args.size() > 2) {
                throw owner.error(call, "wrong number of arguments: param takes 1 or 2 dimensions (rows, cols), got "
                        + args.size());
            }
            int rows = dimension(args.get(0));
            int cols = args.size() == 2 ? dimension(args.get(1)) : 1;
            if ((long) rows * cols > Integer.MAX_VALUE - 8) {
                throw owner.error(call, "parameter too large: " + rows + "×" + cols + " entries do not fit an array");
            }
            shape = Shape.of(rows, cols);
        } else {
            if (args.size() != 1) {
                throw owner.error(call, "wrong number of arguments: " + kind
                        + " takes 1 dimension (the features of a sample), got " + args.size());
            }
            shape = Shape.of(dimension(args.get(0)), Shape.N);
        }
        Init init = null;
        List<MethodCallExpr> inits = new ArrayList<>();
        for (Expression e = whole; e != call; e = ((MethodCallExpr) e).getScope().orElseThrow()) {
            inits.add(0, (MethodCallExpr) e); // in the order they are written
        }
        for (MethodCallExpr initCall : inits) {
            if (!kind.equals("param")) {
                throw owner.error(initCall.getName(), kind + " has no initializer: only a param is initialized");
            }
            if (init != null) {
                throw owner.error(initCall.getName(), "init is given twice");
            }
            if (initCall.getArguments().size() != 1) {
                throw owner.error(initCall, "wrong number of arguments: init takes 1 initializer, got "
                        + initCall.getArguments().size());
            }
            init = initializer(initCall.getArgument(0));
        }
        return new Leaf(kind, shape, init);
    }

    private Init initializer(Expression e) {
        if (!(e instanceof MethodCallExpr call) || call.getScope().isPresent()) {
            throw owner.error(e, "an initializer is one of glorot(), he(), normal(std), uniform(a), zeros()");
        }
        String name = call.getNameAsString();
        List<Expression> args = call.getArguments();
        int wanted = switch (name) {
            case "normal", "uniform" -> 1;
            case "glorot", "he", "zeros" -> 0;
            default -> {
                String hint = Suggestions.didYouMean(name, INITIALIZERS);
                throw owner.error(call, "unknown initializer " + name + (hint.isEmpty()
                        ? ": the initializers are glorot(), he(), normal(std), uniform(a), zeros()" : hint));
            }
        };
        if (args.size() != wanted) {
            throw owner.error(call, "wrong number of arguments: " + name + " takes " + wanted + ", got " + args.size());
        }
        return switch (name) {
            case "normal" -> Init.normal(positive(args.get(0), "normal's standard deviation"));
            case "uniform" -> Init.uniform(positive(args.get(0), "uniform's bound"));
            case "glorot" -> Init.glorot();
            case "he" -> Init.he();
            default -> Init.zeros();
        };
    }

    private double positive(Expression e, String what) {
        double v = Numbers.constant(e, scope);
        if (!(v > 0)) {
            throw owner.error(e, what + " must be positive, got " + v);
        }
        return v;
    }

    private int dimension(Expression e) {
        return Numbers.dimension(e, scope, "a positive integer");
    }
}
