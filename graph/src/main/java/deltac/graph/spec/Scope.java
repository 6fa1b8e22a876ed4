package deltac.graph.spec;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import deltac.graph.GraphBuilder;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names a spec's expressions can see, and the translation of those expressions into nodes. */
final class Scope {
    private static final int DESCRIBE_LIMIT = 40;

    private final SpecTranslator owner;
    private final GraphBuilder builder;
    private final Map<String, Node> values = new HashMap<>();
    private final Map<String, Double> numbers = new HashMap<>();
    private final Map<String, Expression> deferredFields = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Map<String, VariableDeclarator> laterLocals = new HashMap<>();
    private final Set<String> settings = new HashSet<>();
    private Repairs repairs;

    Scope(SpecTranslator owner, GraphBuilder builder) {
        this.owner = owner;
        this.builder = builder;
    }

    /** From now on, an op whose shapes do not fit is repaired when it can be (a formula read for check's sake). */
    void repairing(Repairs repairs) {
        this.repairs = repairs;
    }

    SpecTranslator owner() {
        return owner;
    }

    boolean defines(String name) {
        return values.containsKey(name) || numbers.containsKey(name);
    }

    void define(String name, Node node) {
        values.put(name, node);
        laterLocals.remove(name);
    }

    void number(String name, double value, boolean integer) {
        if (integer && value != Math.rint(value)) {
            throw owner.error(owner.declaration(name), name + " is an int but its value is " + value);
        }
        numbers.put(name, value);
    }

    Double number(String name) {
        return numbers.get(name);
    }

    /** A Training field: a name the spec declares that holds no value. */
    void settings(String name) {
        settings.add(name);
    }

    /** A Matrix field defined by an expression: translated after every field is declared, in order. */
    void deferField(String name, Expression value) {
        deferredFields.put(name, value);
    }

    void resolveDerivedFields() {
        for (String name : new ArrayList<>(deferredFields.keySet())) {
            resolveField(name, owner.declaration(name));
        }
    }

    private Node resolveField(String name, com.github.javaparser.ast.Node reference) {
        Node known = values.get(name);
        if (known != null) {
            return known;
        }
        if (resolving.contains(name)) {
            List<String> chain = new ArrayList<>(resolving);
            chain = chain.subList(chain.indexOf(name), chain.size());
            chain.add(name);
            if (chain.size() > 8) { // one line, not one name per field of a long cycle
                int elided = chain.size() - 6;
                List<String> shown = new ArrayList<>(chain.subList(0, 3));
                shown.add("… (" + elided + " more)");
                shown.addAll(chain.subList(chain.size() - 3, chain.size()));
                chain = shown;
            }
            throw owner.error(reference, "cycle: " + String.join(" depends on ", chain));
        }
        resolving.add(name);
        Node node = translate(deferredFields.get(name));
        resolving.remove(name);
        define(name, node);
        builder.name(name, node);
        return node;
    }

    /** Remembers loss()'s locals before translating it, so that a use before the definition is named as such. */
    void announceLocals(List<Statement> statements) {
        for (Statement s : statements) {
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr decl) {
                for (VariableDeclarator v : decl.getVariables()) {
                    laterLocals.putIfAbsent(v.getNameAsString(), v);
                }
            }
        }
    }

    Node translate(Expression e) {
        if (e instanceof EnclosedExpr enclosed) {
            return translate(enclosed.getInner());
        }
        if (e instanceof NameExpr name) {
            return lookup(name.getNameAsString(), name);
        }
        if (Numbers.isLiteral(e)) {
            return builder.constant(Numbers.literal((LiteralStringValueExpr) e, this));
        }
        if (e instanceof BinaryExpr b) {
            return binary(b);
        }
        if (e instanceof UnaryExpr u) {
            return unary(u);
        }
        if (e instanceof FieldAccessExpr access) {
            return fieldAccess(access);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call);
        }
        throw owner.error(e, "unsupported Java construct: " + Constructs.name(e)
                + " (a spec is matrix expressions over its names)");
    }

    private Node lookup(String name, com.github.javaparser.ast.Node at) {
        Node value = values.get(name);
        if (value != null) {
            return value;
        }
        if (numbers.containsKey(name)) {
            return builder.constant(numbers.get(name));
        }
        if (deferredFields.containsKey(name)) {
            return resolveField(name, at);
        }
        VariableDeclarator later = laterLocals.get(name);
        if (later != null) {
            throw owner.error(at, "use before definition: " + name + " is defined later, at "
                    + SpecTranslator.where(later.getName()));
        }
        if (name.equals("n")) {
            Input first = builder.firstInput();
            if (first == null) {
                throw owner.error(at, "n is the batch size, and this spec has no input");
            }
            return apply(Op.COLS, 0, at, new Node[] {first}, new Expression[] {null});
        }
        if (settings.contains(name)) {
            throw owner.error(at, name + " holds the training settings, not a value: loss() computes with Matrix and"
                    + " number names");
        }
        Set<String> known = new LinkedHashSet<>(values.keySet());
        known.addAll(numbers.keySet());
        known.addAll(deferredFields.keySet());
        throw owner.error(at, "unknown variable " + name + Suggestions.didYouMean(name, known));
    }

    private Node binary(BinaryExpr b) {
        Node left = translate(b.getLeft());
        Node right = translate(b.getRight());
        try {
            return switch (b.getOperator()) {
                case PLUS -> builder.apply(Op.ADD, left, right);
                case MINUS -> builder.apply(Op.SUB, left, right);
                case MULTIPLY -> builder.times(left, right);
                case DIVIDE -> builder.apply(Op.DIVIDE, left, right);
                default -> throw owner.error(b, "unsupported operator " + b.getOperator().asString()
                        + ": a spec uses + - * / and the functions of the language");
            };
        } catch (ShapeException shapes) {
            Op op = switch (b.getOperator()) {
                case PLUS -> Op.ADD;
                case MINUS -> Op.SUB;
                case MULTIPLY -> Op.MATMUL;
                default -> Op.DIVIDE;
            };
            Node repaired = repairs == null ? null : repairs.repair(builder, op, 0, left, right);
            if (repaired != null) {
                return repaired;
            }
            // described only now: printing an operand is linear in its size, so doing it for every operator
            // made a long chain (a + a + ... + a) quadratic
            throw owner.error(b, shapes.format(describe(b.getLeft(), left), describe(b.getRight(), right)));
        }
    }

    private Node unary(UnaryExpr u) {
        switch (u.getOperator()) {
            case PLUS:
                return translate(u.getExpression());
            case MINUS:
                if (Numbers.isLiteral(u.getExpression())) {
                    return builder.constant(-Numbers.literal((LiteralStringValueExpr) u.getExpression(), this));
                }
                Node inner = translate(u.getExpression());
                return apply(Op.NEG, 0, u, new Node[] {inner}, new Expression[] {u.getExpression()});
            default:
                throw owner.error(u, "unsupported operator " + u.getOperator().asString()
                        + ": a spec uses + - * / and the functions of the language");
        }
    }

    private Node fieldAccess(FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr) {
            return lookup(access.getNameAsString(), access.getName());
        }
        if (access.getNameAsString().equals("T")) {
            Node inner = translate(access.getScope());
            return apply(Op.TRANSPOSE, 0, access, new Node[] {inner}, new Expression[] {access.getScope()});
        }
        if (access.getScope() instanceof NameExpr scopeName && !isKnown(scopeName.getNameAsString())) {
            throw owner.error(access, "unsupported Java construct: field access on " + scopeName
                    + " (a spec sees only its own names)");
        }
        throw owner.error(access.getName(), "unknown member ." + access.getNameAsString()
                + " (the transpose is written a.T)");
    }

    /** An expression as a diagnostic quotes it: on one line (a lambda's body prints on several), cut when long. */
    private static String oneLine(Expression e) {
        String text = e.toString().replaceAll("\\s+", " ");
        return text.length() > DESCRIBE_LIMIT ? text.substring(0, DESCRIBE_LIMIT - 1) + "…" : text;
    }

    private boolean isKnown(String name) {
        return values.containsKey(name) || numbers.containsKey(name) || deferredFields.containsKey(name);
    }

    private Node call(MethodCallExpr call) {
        String name = call.getNameAsString();
        Optional<MethodCallExpr> optimizer = TrainingSettings.optimizerCall(call);
        if (optimizer.isPresent()) {
            throw owner.error(optimizer.get(), optimizer.get().getNameAsString() + "(...) declares the training: write"
                    + " it as a field of the class (Training training = ...)");
        }
        if (call.getScope().isPresent()) {
            Expression target = call.getScope().get();
            if (name.equals("T") && call.getArguments().isEmpty()) {
                Node inner = translate(target);
                return apply(Op.TRANSPOSE, 0, call, new Node[] {inner}, new Expression[] {target});
            }
            throw owner.error(call, "unsupported Java construct: method call " + oneLine(target) + "." + name
                    + "(...) (a spec calls only the functions of the spec language)");
        }
        if (Declarations.LEAVES.contains(name)) {
            throw owner.error(call, name + "(...) declares a field: write it as a field of the class");
        }
        if (Declarations.INITIALIZERS.contains(name)) {
            throw owner.error(call, name + "() is an initializer: write param(...).init(" + name + "())");
        }
        if (name.equals(ONES)) {
            return ones(call);
        }
        Op op = Op.function(name);
        if (op == null) {
            Set<String> functions = new LinkedHashSet<>(Op.functionNames());
            functions.add(ONES);
            throw owner.error(call, "unknown function " + name + Suggestions.didYouMean(name, functions));
        }
        int wanted = op.arity() + (op.hasAttribute() ? 1 : 0);
        List<Expression> args = call.getArguments();
        if (args.size() != wanted) {
            throw owner.error(call, "wrong number of arguments: " + name + " takes " + wanted
                    + (wanted == 1 ? " argument" : " arguments") + ", got " + args.size());
        }
        Node[] nodes = new Node[op.arity()];
        Expression[] sources = new Expression[op.arity()];
        for (int i = 0; i < op.arity(); i++) {
            nodes[i] = translate(args.get(i));
            sources[i] = args.get(i);
        }
        double attr = op.hasAttribute() ? Numbers.constant(args.get(op.arity()), this) : 0;
        return apply(op, attr, call, nodes, sources);
    }

    /** ones(rows, cols): a constant matrix of ones, as derived equations write a column of ones. */
    private static final String ONES = "ones";

    private Node ones(MethodCallExpr call) {
        List<Expression> args = call.getArguments();
        if (args.size() != 2) {
            throw owner.error(call, "wrong number of arguments: ones takes 2 arguments (rows, cols), got " + args.size());
        }
        return builder.constant(1, Shape.of(onesDimension(args.get(0)), onesDimension(args.get(1))));
    }

    /** A positive integer, or n, the batch size. */
    private int onesDimension(Expression e) {
        if (e instanceof NameExpr name && name.getNameAsString().equals("n") && !isKnown("n")) {
            return Shape.N;
        }
        return Numbers.dimension(e, this, "a positive integer or n");
    }

    private Node apply(Op op, double attr, com.github.javaparser.ast.Node at, Node[] args, Expression[] sources) {
        try {
            return builder.apply(op, attr, args);
        } catch (ShapeException shapes) {
            Node repaired = repairs == null || args.length != 2 ? null : repairs.repair(builder, op, attr, args[0], args[1]);
            if (repaired != null) {
                return repaired;
            }
            String[] described = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                described[i] = sources[i] == null ? "n" : describe(sources[i], args[i]);
            }
            throw owner.error(at, shapes.format(described));
        }
    }

    /** "W2 is 10×128", or the expression's text when it has no name. */
    String describe(Expression e, Node value) {
        return oneLine(e) + " is " + value.shape();
    }
}
