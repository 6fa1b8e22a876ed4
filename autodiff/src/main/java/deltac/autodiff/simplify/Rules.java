package deltac.autodiff.simplify;

import static deltac.graph.Op.ADD;
import static deltac.graph.Op.COLS;
import static deltac.graph.Op.DIVIDE;
import static deltac.graph.Op.HADAMARD;
import static deltac.graph.Op.MATMUL;
import static deltac.graph.Op.MATMUL_NT;
import static deltac.graph.Op.MATMUL_TN;
import static deltac.graph.Op.NEG;
import static deltac.graph.Op.SCALE;
import static deltac.graph.Op.SIGMOID;
import static deltac.graph.Op.SIGMOID_PRIME;
import static deltac.graph.Op.SQUARE;
import static deltac.graph.Op.SUB;
import static deltac.graph.Op.SUM;
import static deltac.graph.Op.SUM_COLS;
import static deltac.graph.Op.SUM_ROWS;
import static deltac.graph.Op.TANH;
import static deltac.graph.Op.TANH_PRIME;
import static deltac.graph.Op.TRANSPOSE;

import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.autodiff.simplify.Rewriter.Context;
import java.util.List;
import java.util.Set;

/** The rewrite rules, as data: each is its identity, one line. */
public final class Rules {
    private Rules() {}

    /** Identities and folds that keep an equation's meaning and make it read as a textbook writes it. */
    public static final List<Rule> ALGEBRA = List.of(
            rule("x + 0 → x", (a, c) -> is(a, ADD) && zero(c, a.arg(1)) && keeps(a, a.arg(0)) ? a.arg(0) : null),
            rule("0 + x → x", (a, c) -> is(a, ADD) && zero(c, a.arg(0)) && keeps(a, a.arg(1)) ? a.arg(1) : null),
            rule("x − 0 → x", (a, c) -> is(a, SUB) && zero(c, a.arg(1)) && keeps(a, a.arg(0)) ? a.arg(0) : null),
            rule("0 − x → −x", (a, c) -> is(a, SUB) && zero(c, a.arg(0)) && keeps(a, a.arg(1)) ? c.apply(NEG, a.arg(1)) : null),
            rule("1 · x → x", (a, c) -> is(a, SCALE) && one(c, a.arg(0)) ? a.arg(1) : null),
            rule("0 · x → 0", (a, c) -> is(a, SCALE) && zero(c, a.arg(0)) ? c.constant(0, a.shape()) : null),
            rule("x ⊙ 1 → x", (a, c) -> is(a, HADAMARD) && one(c, a.arg(1)) ? a.arg(0) : null),
            rule("1 ⊙ x → x", (a, c) -> is(a, HADAMARD) && one(c, a.arg(0)) ? a.arg(1) : null),
            rule("c ⊙ x → c · x for a constant c", (a, c) -> is(a, HADAMARD) && c.constant(a.arg(0)) != null ? c.apply(SCALE, c.constant(c.constant(a.arg(0)), Shape.SCALAR), a.arg(1)) : null),
            rule("x ⊙ c → c · x for a constant c", (a, c) -> is(a, HADAMARD) && c.constant(a.arg(1)) != null ? c.apply(SCALE, c.constant(c.constant(a.arg(1)), Shape.SCALAR), a.arg(0)) : null),
            rule("x ⊙ 0 → 0", (a, c) -> is(a, HADAMARD) && (zero(c, a.arg(0)) || zero(c, a.arg(1))) ? c.constant(0, a.shape()) : null),
            rule("x / 1 → x", (a, c) -> is(a, DIVIDE) && one(c, a.arg(1)) && keeps(a, a.arg(0)) ? a.arg(0) : null),
            rule("[1] x → x", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && a.arg(0).shape().isScalar() ? a.arg(1) : null),
            rule("x [1] → x", (a, c) -> is(a, MATMUL) && one(c, a.arg(1)) && a.arg(1).shape().isScalar() ? a.arg(0) : null),
            rule("(Aᵀ)ᵀ → A", (a, c) -> is(a, TRANSPOSE) && c.match(a.arg(0), TRANSPOSE) != null ? c.match(a.arg(0), TRANSPOSE).arg(0) : null),
            rule("sᵀ → s for a scalar", (a, c) -> is(a, TRANSPOSE) && a.shape().isScalar() ? a.arg(0) : null),
            rule("cᵀ → c for a constant", (a, c) -> is(a, TRANSPOSE) && c.constant(a.arg(0)) != null ? c.constant(c.constant(a.arg(0)), a.shape()) : null),
            rule("(s · A) ⊙ B → s · (A ⊙ B)", (a, c) -> is(a, HADAMARD) && c.match(a.arg(0), SCALE) != null
                    ? c.apply(SCALE, c.match(a.arg(0), SCALE).arg(0), c.apply(HADAMARD, c.match(a.arg(0), SCALE).arg(1), a.arg(1))) : null),
            rule("A ⊙ (s · B) → s · (A ⊙ B)", (a, c) -> is(a, HADAMARD) && c.match(a.arg(1), SCALE) != null
                    ? c.apply(SCALE, c.match(a.arg(1), SCALE).arg(0), c.apply(HADAMARD, a.arg(0), c.match(a.arg(1), SCALE).arg(1))) : null),
            rule("−(−x) → x", (a, c) -> is(a, NEG) && c.match(a.arg(0), NEG) != null ? c.match(a.arg(0), NEG).arg(0) : null),
            rule("fold constants", Rules::foldConstants),
            rule("cols(x) → its column count", (a, c) -> is(a, COLS) && a.arg(0).shape().cols() != Shape.N ? c.constant(a.arg(0).shape().cols(), Shape.SCALAR) : null),
            rule("c · (d · x) → (cd) · x", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) != null && c.match(a.arg(1), SCALE) != null && c.constant(c.match(a.arg(1), SCALE).arg(0)) != null
                    ? c.apply(SCALE, c.constant(c.constant(a.arg(0)) * c.constant(c.match(a.arg(1), SCALE).arg(0)), Shape.SCALAR), c.match(a.arg(1), SCALE).arg(1)) : null),
            rule("−(c · x) → (−c) · x", (a, c) -> is(a, NEG) && c.match(a.arg(0), SCALE) != null && c.constant(c.match(a.arg(0), SCALE).arg(0)) != null
                    ? c.apply(SCALE, c.constant(-c.constant(c.match(a.arg(0), SCALE).arg(0)), Shape.SCALAR), c.match(a.arg(0), SCALE).arg(1)) : null),
            rule("c · (−x) → (−c) · x", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) != null && c.match(a.arg(1), NEG) != null
                    ? c.apply(SCALE, c.constant(-c.constant(a.arg(0)), Shape.SCALAR), c.match(a.arg(1), NEG).arg(0)) : null),
            rule("Aᵀ B → transposed-A product", (a, c) -> is(a, MATMUL) && c.match(a.arg(0), TRANSPOSE) != null ? c.apply(MATMUL_TN, c.match(a.arg(0), TRANSPOSE).arg(0), a.arg(1)) : null),
            rule("A Bᵀ → transposed-B product", (a, c) -> is(a, MATMUL) && c.match(a.arg(1), TRANSPOSE) != null ? c.apply(MATMUL_NT, a.arg(0), c.match(a.arg(1), TRANSPOSE).arg(0)) : null),
            rule("x 1 → sumRows(x)", (a, c) -> is(a, MATMUL) && one(c, a.arg(1)) && a.arg(1).shape().isColumn() && !a.arg(1).shape().isScalar() ? c.apply(SUM_ROWS, a.arg(0)) : null),
            rule("1ᵀ x → sumCols(x)", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && a.arg(0).shape().rows() == 1 && !a.arg(0).shape().isScalar() ? c.apply(SUM_COLS, a.arg(1)) : null),
            rule("sumRows(column) → column", (a, c) -> is(a, SUM_ROWS) && a.arg(0).shape().isColumn() ? a.arg(0) : null),
            rule("sumCols(row) → row", (a, c) -> is(a, SUM_COLS) && a.arg(0).shape().rows() == 1 ? a.arg(0) : null),
            rule("sum(scalar) → scalar", (a, c) -> is(a, SUM) && a.arg(0).shape().isScalar() ? a.arg(0) : null));

    /** For computing, not printing: σ′ from the stored activation, as the forward pass already has it. */
    public static final List<Rule> LOWERING = List.of(
            rule("σ′(z) → a ⊙ (1 − a), a = σ(z)", (a, c) -> is(a, SIGMOID_PRIME)
                    ? c.apply(HADAMARD, c.apply(SIGMOID, a.arg(0)), c.apply(SUB, c.constant(1, Shape.SCALAR), c.apply(SIGMOID, a.arg(0)))) : null),
            rule("tanh′(z) → 1 − a², a = tanh(z)", (a, c) -> is(a, TANH_PRIME)
                    ? c.apply(SUB, c.constant(1, Shape.SCALAR), c.apply(SQUARE, c.apply(TANH, a.arg(0)))) : null));

    /** For proving two expressions equal: commutative operands in one canonical order. */
    public static final List<Rule> CANONICAL = List.of(
            rule("a + b = b + a", (a, c) -> is(a, ADD) && a.arg(0).shape().equals(a.arg(1).shape()) && after(a.arg(0), a.arg(1)) ? c.apply(ADD, a.arg(1), a.arg(0)) : null),
            rule("a ⊙ b = b ⊙ a", (a, c) -> is(a, HADAMARD) && after(a.arg(0), a.arg(1)) ? c.apply(HADAMARD, a.arg(1), a.arg(0)) : null));

    /** The rules under which a hand-derived formula is proved equal to the derived one. */
    public static List<Rule> forProofs() {
        List<Rule> all = new java.util.ArrayList<>(ALGEBRA);
        all.addAll(LOWERING);
        all.addAll(CANONICAL);
        return all;
    }

    private static final deltac.graph.ExprPrinter KEYS = new deltac.graph.ExprPrinter(
            n -> n instanceof deltac.graph.Input i ? i.name() : n instanceof deltac.graph.Param p ? p.name() : null);

    /** A total order on expressions, by their printed form: terminates the commuting rules. */
    private static boolean after(Node a, Node b) {
        return KEYS.print(a).compareTo(KEYS.print(b)) > 0;
    }

    private static Rule rule(String name, Rule.Rewrite rewrite) {
        return new Rule(name, rewrite);
    }

    private static boolean is(Apply a, Op op) {
        return a.op() == op;
    }

    private static boolean zero(Context c, Node n) {
        return c.isConstant(n, 0);
    }

    private static boolean one(Context c, Node n) {
        return c.isConstant(n, 1);
    }

    /** Dropping the other operand keeps the shape (it was not broadcasting this one). */
    private static boolean keeps(Apply a, Node operand) {
        return operand.shape().equals(a.shape());
    }

    private static final Set<Op> ELEMENTWISE = Set.of(ADD, SUB, DIVIDE, HADAMARD, NEG, SCALE, SQUARE,
            Op.EXP, Op.LOG, Op.SQRT, Op.ABS, Op.SIGN);

    /** An element-wise op of constants (every entry the same value) is a constant. */
    private static Node foldConstants(Apply a, Context c) {
        if (!ELEMENTWISE.contains(a.op()) && !(a.op() == MATMUL && a.shape().isScalar() && a.arg(0).shape().isScalar())) {
            return null;
        }
        double[] v = new double[a.args().size()];
        for (int i = 0; i < v.length; i++) {
            Double value = c.constant(a.arg(i));
            if (value == null) {
                return null;
            }
            v[i] = value;
        }
        double result = switch (a.op()) {
            case ADD -> v[0] + v[1];
            case SUB -> v[0] - v[1];
            case DIVIDE -> v[0] / v[1];
            case HADAMARD, SCALE, MATMUL -> v[0] * v[1];
            case NEG -> -v[0];
            case SQUARE -> v[0] * v[0];
            case EXP -> Math.exp(v[0]);
            case LOG -> Math.log(v[0]);
            case SQRT -> Math.sqrt(v[0]);
            case ABS -> Math.abs(v[0]);
            default -> Math.signum(v[0]);
        };
        return Double.isFinite(result) ? c.constant(result, a.shape()) : null;
    }
}
