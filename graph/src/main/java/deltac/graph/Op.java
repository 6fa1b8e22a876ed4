package deltac.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operation of the IR: its arity, its shape rule and how it is written.
 *
 * <p>There is one {@link Apply} node for all of them; an op is just a name with these three facts. What an op
 * computes is defined by the reference interpreter ({@code deltac.graph.interp.Interpreter}); how it is
 * differentiated lives in the autodiff module, in one exhaustive switch over this enum.
 *
 * <p>The ops that end in {@code _PRIME} and {@link #COLS} appear in derived gradients and in hand-derived
 * formulas; a spec may use the primes too.
 */
public enum Op {
    // operators: spec token, precedence (higher binds tighter)
    ADD("+", 2, Notation.INFIX, 1, rule((a, b) -> ShapeRules.broadcast(a, b, "sum"))),
    SUB("-", 2, Notation.INFIX, 1, rule((a, b) -> ShapeRules.broadcast(a, b, "difference"))),
    /** The matrix product. */
    MATMUL("*", 2, Notation.INFIX, 2, rule(ShapeRules::product)),
    /** Aᵀ B without materializing the transpose: what the rewriter folds {@code A.T * B} into. */
    MATMUL_TN("*", 2, Notation.INFIX, 2, rule(ShapeRules::productTN)),
    /** A Bᵀ without materializing the transpose: {@code δ aᵀ}, the weight gradient's product. */
    MATMUL_NT("*", 2, Notation.INFIX, 2, rule(ShapeRules::productNT)),
    /** A scalar (first argument) times a matrix. */
    SCALE("*", 2, Notation.INFIX, 2, rule(ShapeRules::scale)),
    /** Element-wise quotient; the right side may be a scalar or a broadcast column. */
    DIVIDE("/", 2, Notation.INFIX, 2, rule((a, b) -> ShapeRules.divisor(a, b))),
    NEG("-", 1, Notation.PREFIX, 3, ShapeRules::same),
    TRANSPOSE(".T", 1, Notation.POSTFIX, 4, args -> args.get(0).transposed()),

    /** The element-wise (Hadamard) product ⊙. */
    HADAMARD("hadamard", 2, rule((a, b) -> ShapeRules.equal(a, b, "hadamard"))),

    // element-wise functions
    SIGMOID("sigmoid", 1, ShapeRules::same),
    TANH("tanh", 1, ShapeRules::same),
    RELU("relu", 1, ShapeRules::same),
    /** {@code leakyRelu(a, alpha)}: alpha is the attribute. */
    LEAKY_RELU("leakyRelu", 1, "alpha", ShapeRules::same),
    EXP("exp", 1, ShapeRules::same),
    LOG("log", 1, ShapeRules::same),
    SQUARE("square", 1, ShapeRules::same),
    SQRT("sqrt", 1, ShapeRules::same),
    ABS("abs", 1, ShapeRules::same),

    // per column
    SOFTMAX("softmax", 1, ShapeRules::same),
    LOG_SOFTMAX("logSoftmax", 1, ShapeRules::same),

    // reductions
    /** The sum of all entries: a scalar. */
    SUM("sum", 1, args -> Shape.SCALAR),
    /** Each row summed over its columns: a column {@code rows×1} (the bias gradient's reduction). */
    SUM_ROWS("sumRows", 1, args -> Shape.of(args.get(0).rows(), 1)),
    /** Each column summed over its rows: a row {@code 1×cols}. */
    SUM_COLS("sumCols", 1, args -> Shape.of(1, args.get(0).cols())),
    /** The mean of all entries: a scalar. */
    MEAN("mean", 1, args -> Shape.SCALAR),

    // losses: averaged over the columns (the samples)
    /** (1/n) Σ ½‖a − y‖². */
    MSE("mse", 2, rule((a, b) -> ShapeRules.loss(a, b, "mse"))),
    /** −(1/n) Σ yᵀ log p. */
    CROSS_ENTROPY("crossEntropy", 2, rule((a, b) -> ShapeRules.loss(a, b, "crossEntropy"))),
    /** −(1/n) Σ [y log p + (1 − y) log(1 − p)]. */
    BINARY_CROSS_ENTROPY("binaryCrossEntropy", 2, rule((a, b) -> ShapeRules.loss(a, b, "binaryCrossEntropy"))),

    // derivatives of the element-wise functions, as functions of the pre-activation
    SIGMOID_PRIME("sigmoidPrime", 1, ShapeRules::same),
    TANH_PRIME("tanhPrime", 1, ShapeRules::same),
    /** The step function: 1 where the argument is positive, else 0. */
    RELU_PRIME("reluPrime", 1, ShapeRules::same),
    LEAKY_RELU_PRIME("leakyReluPrime", 1, "alpha", ShapeRules::same),
    SIGN("sign", 1, ShapeRules::same),

    /** The number of columns of the argument, as a scalar: {@code n} for a batch. */
    COLS("cols", 1, args -> Shape.SCALAR);

    /** How an op is written in a spec. */
    public enum Notation { INFIX, PREFIX, POSTFIX, CALL }

    /** A shape rule: the result's shape from the arguments', or a {@link ShapeException}. */
    @FunctionalInterface
    public interface ShapeRule {
        Shape apply(List<Shape> args) throws ShapeException;
    }

    @FunctionalInterface
    private interface BinaryRule {
        Shape apply(Shape a, Shape b) throws ShapeException;
    }

    private static ShapeRule rule(BinaryRule binary) {
        return args -> binary.apply(args.get(0), args.get(1));
    }

    private final String token;
    private final int arity;
    private final Notation notation;
    private final int precedence;
    private final String attribute;
    private final ShapeRule shapeRule;

    Op(String token, int arity, Notation notation, int precedence, ShapeRule shapeRule) {
        this(token, arity, notation, precedence, null, shapeRule);
    }

    Op(String function, int arity, ShapeRule shapeRule) {
        this(function, arity, Notation.CALL, 5, null, shapeRule);
    }

    Op(String function, int arity, String attribute, ShapeRule shapeRule) {
        this(function, arity, Notation.CALL, 5, attribute, shapeRule);
    }

    Op(String token, int arity, Notation notation, int precedence, String attribute, ShapeRule shapeRule) {
        this.token = token;
        this.arity = arity;
        this.notation = notation;
        this.precedence = precedence;
        this.attribute = attribute;
        this.shapeRule = shapeRule;
    }

    /** The function name or operator token of the spec language. */
    public String token() {
        return token;
    }

    /** Number of node arguments (an attribute such as leakyRelu's alpha is not one). */
    public int arity() {
        return arity;
    }

    public Notation notation() {
        return notation;
    }

    /** Binding strength for printing: higher binds tighter. */
    public int precedence() {
        return precedence;
    }

    /** The name of the op's numeric attribute, or null when it has none. */
    public String attribute() {
        return attribute;
    }

    public boolean hasAttribute() {
        return attribute != null;
    }

    /** The result shape for these argument shapes. */
    public Shape shape(List<Shape> args) throws ShapeException {
        if (args.size() != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " arguments, got " + args.size());
        }
        return shapeRule.apply(args);
    }

    private static final Map<String, Op> FUNCTIONS = new HashMap<>();

    static {
        for (Op op : values()) {
            if (op.notation == Notation.CALL && op != COLS) {
                FUNCTIONS.put(op.token, op);
            }
        }
    }

    /** The op a spec calls by this function name, or null. */
    public static Op function(String name) {
        return FUNCTIONS.get(name);
    }

    /** The function names a spec may call, for "did you mean" hints and documentation. */
    public static java.util.Set<String> functionNames() {
        return java.util.Collections.unmodifiableSet(FUNCTIONS.keySet());
    }
}
