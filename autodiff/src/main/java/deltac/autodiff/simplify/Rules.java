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
import static deltac.graph.Op.MEAN;
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

    /** Identities that keep an equation's meaning and make it read as a textbook writes it. */
    public static final List<Rule> IDENTITIES = List.of(
            rule("x + 0 → x", (a, c) -> is(a, ADD) && zero(c, a.arg(1)) && keeps(a, a.arg(0)) ? a.arg(0) : null),
            rule("0 + x → x", (a, c) -> is(a, ADD) && zero(c, a.arg(0)) && keeps(a, a.arg(1)) ? a.arg(1) : null),
            rule("x − 0 → x", (a, c) -> is(a, SUB) && zero(c, a.arg(1)) && keeps(a, a.arg(0)) ? a.arg(0) : null),
            rule("0 − x → −x", (a, c) -> is(a, SUB) && zero(c, a.arg(0)) && keeps(a, a.arg(1)) ? c.apply(NEG, a.arg(1)) : null),
            rule("1 · x → x", (a, c) -> is(a, SCALE) && one(c, a.arg(0)) ? a.arg(1) : null),
            rule("s · [1] → s", (a, c) -> is(a, SCALE) && one(c, a.arg(1)) && a.arg(1).shape().isScalar() ? a.arg(0) : null),
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
            rule("a − (−x) → a + x", (a, c) -> is(a, SUB) && c.match(a.arg(1), NEG) != null ? c.apply(ADD, a.arg(0), c.match(a.arg(1), NEG).arg(0)) : null),
            rule("fold constants", Rules::foldConstants),
            rule("cols(x) → its column count", (a, c) -> is(a, COLS) && a.arg(0).shape().cols() != Shape.N ? c.constant(a.arg(0).shape().cols(), Shape.SCALAR) : null),
            rule("c · (d · x) → (cd) · x", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) != null && c.match(a.arg(1), SCALE) != null && c.constant(c.match(a.arg(1), SCALE).arg(0)) != null
                    ? c.apply(SCALE, c.constant(c.constant(a.arg(0)) * c.constant(c.match(a.arg(1), SCALE).arg(0)), Shape.SCALAR), c.match(a.arg(1), SCALE).arg(1)) : null),
            rule("−(c · x) → (−c) · x", (a, c) -> is(a, NEG) && c.match(a.arg(0), SCALE) != null && c.constant(c.match(a.arg(0), SCALE).arg(0)) != null
                    ? c.apply(SCALE, c.constant(-c.constant(c.match(a.arg(0), SCALE).arg(0)), Shape.SCALAR), c.match(a.arg(0), SCALE).arg(1)) : null),
            rule("c · (−x) → (−c) · x", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) != null && c.match(a.arg(1), NEG) != null
                    ? c.apply(SCALE, c.constant(-c.constant(a.arg(0)), Shape.SCALAR), c.match(a.arg(1), NEG).arg(0)) : null),
            rule("sumRows(column) → column", (a, c) -> is(a, SUM_ROWS) && a.arg(0).shape().isColumn() ? a.arg(0) : null),
            rule("sumCols(row) → row", (a, c) -> is(a, SUM_COLS) && a.arg(0).shape().rows() == 1 ? a.arg(0) : null),
            rule("sum(scalar) → scalar", (a, c) -> is(a, SUM) && a.arg(0).shape().isScalar() ? a.arg(0) : null));

    /**
     * Constant coefficients gathered into one, as a textbook writes them: c/n rather than 0.001 ((−1)/n), a + 0.003 x
     * rather than a − (−0.003) x. A coefficient is a constant or a quotient c/s of one. Not for {@link #EXPANSION},
     * whose normal form writes c/n as c (1/n) and would turn it back.
     */
    public static final List<Rule> COEFFICIENTS = List.of(
            rule("c · (d/s) → (cd)/s", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) != null && quotient(c, a.arg(1))
                    ? c.apply(DIVIDE, c.constant(c.constant(a.arg(0)) * numerator(c, a.arg(1)), Shape.SCALAR), ((Apply) a.arg(1)).arg(1)) : null),
            rule("p · (q · x) → (pq) · x for coefficients p, q", (a, c) -> is(a, SCALE) && c.match(a.arg(1), SCALE) != null && times(c, a.arg(0), c.match(a.arg(1), SCALE).arg(0)) != null
                    ? c.apply(SCALE, times(c, a.arg(0), c.match(a.arg(1), SCALE).arg(0)), c.match(a.arg(1), SCALE).arg(1)) : null),
            rule("s · [c] → c · s for a 1×1 constant c", (a, c) -> is(a, SCALE) && a.shape().isScalar() && c.constant(a.arg(0)) == null && c.constant(a.arg(1)) != null
                    ? c.apply(SCALE, c.constant(c.constant(a.arg(1)), Shape.SCALAR), a.arg(0)) : null),
            rule("q · (c 1) → (cq) · 1 for a coefficient q", (a, c) -> is(a, SCALE) && c.constant(a.arg(1)) != null && !one(c, a.arg(1)) && times(c, a.arg(0), a.arg(1)) != null
                    ? filled(c, times(c, a.arg(0), a.arg(1)), a.shape()) : null),
            rule("C (s · D) → s · (C D) for constant matrices", (a, c) -> isProduct(a) && c.constant(a.arg(0)) != null && scaledConstant(c, a.arg(1))
                    ? pulledOut(c, c.match(a.arg(1), SCALE).arg(0), c.apply(a.op(), a.arg(0), c.match(a.arg(1), SCALE).arg(1))) : null),
            rule("(s · C) D → s · (C D) for constant matrices", (a, c) -> isProduct(a) && scaledConstant(c, a.arg(0)) && c.constant(a.arg(1)) != null
                    ? pulledOut(c, c.match(a.arg(0), SCALE).arg(0), c.apply(a.op(), c.match(a.arg(0), SCALE).arg(1), a.arg(1))) : null),
            rule("Σ(s · C) → s · Σ(C) for a constant matrix", (a, c) -> (is(a, SUM_ROWS) || is(a, SUM_COLS) || is(a, SUM) || is(a, MEAN)) && scaledConstant(c, a.arg(0))
                    ? pulledOut(c, c.match(a.arg(0), SCALE).arg(0), c.apply(a.op(), c.match(a.arg(0), SCALE).arg(1))) : null),
            rule("a − q · x → a + (−q) · x for a negative coefficient q", (a, c) -> is(a, SUB) && c.match(a.arg(1), SCALE) != null && negative(c, c.match(a.arg(1), SCALE).arg(0))
                    ? c.apply(ADD, a.arg(0), c.apply(SCALE, negated(c, c.match(a.arg(1), SCALE).arg(0)), c.match(a.arg(1), SCALE).arg(1))) : null),
            rule("a − q → a + (−q) for a negative coefficient q", (a, c) -> is(a, SUB) && negative(c, a.arg(1)) ? c.apply(ADD, a.arg(0), negated(c, a.arg(1))) : null));

    /** Products as an engine computes them: a transpose folded into the product, a product with ones as a sum. */
    public static final List<Rule> FOLDS = List.of(
            rule("Aᵀ B → transposed-A product", (a, c) -> is(a, MATMUL) && c.match(a.arg(0), TRANSPOSE) != null ? c.apply(MATMUL_TN, c.match(a.arg(0), TRANSPOSE).arg(0), a.arg(1)) : null),
            rule("A Bᵀ → transposed-B product", (a, c) -> is(a, MATMUL) && c.match(a.arg(1), TRANSPOSE) != null ? c.apply(MATMUL_NT, a.arg(0), c.match(a.arg(1), TRANSPOSE).arg(0)) : null),
            rule("x 1 → sumRows(x)", (a, c) -> is(a, MATMUL) && one(c, a.arg(1)) && a.arg(1).shape().isColumn() && !a.arg(1).shape().isScalar() ? c.apply(SUM_ROWS, a.arg(0)) : null),
            rule("1ᵀ x → sumCols(x)", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && a.arg(0).shape().rows() == 1 && !a.arg(0).shape().isScalar() ? c.apply(SUM_COLS, a.arg(1)) : null));

    /** Identities and folds that keep an equation's meaning and make it read as a textbook writes it. */
    public static final List<Rule> ALGEBRA = concat(concat(IDENTITIES, COEFFICIENTS), FOLDS);

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

    /**
     * A sum of products, for proofs and for naming what differs: transposes pushed down to the leaves, products
     * and ⊙ distributed over sums, constant coefficients collected in front of each term, the terms of a sum and
     * the factors of a ⊙ in one order (by {@link Rewriter.Context#key}), like terms added. What remains is a sum
     * of terms c · m: m is a product of factors, each a leaf, a leaf's transpose, a function of a normal form, or
     * a ⊙ of such; a 1×1 factor is a scalar in front. Run after {@link #IDENTITIES}, never with {@link #FOLDS}.
     */
    public static final List<Rule> EXPANSION = List.of(
            rule("transposed-A product → Aᵀ B", (a, c) -> is(a, MATMUL_TN) ? c.apply(MATMUL, c.apply(TRANSPOSE, a.arg(0)), a.arg(1)) : null),
            rule("transposed-B product → A Bᵀ", (a, c) -> is(a, MATMUL_NT) ? c.apply(MATMUL, a.arg(0), c.apply(TRANSPOSE, a.arg(1))) : null),
            rule("a − b → a + (−1) b", (a, c) -> is(a, SUB) ? c.apply(ADD, a.arg(0), c.apply(SCALE, c.constant(-1, Shape.SCALAR), a.arg(1))) : null),
            rule("−x → (−1) x", (a, c) -> is(a, NEG) ? c.apply(SCALE, c.constant(-1, Shape.SCALAR), a.arg(0)) : null),
            rule("x / c → (1/c) x", (a, c) -> is(a, DIVIDE) && a.arg(1).shape().isScalar() && c.constant(a.arg(1)) != null && c.constant(a.arg(1)) != 0 ? c.apply(SCALE, c.constant(1 / c.constant(a.arg(1)), Shape.SCALAR), a.arg(0)) : null),
            rule("x / s → (1/s) x", (a, c) -> is(a, DIVIDE) && a.arg(1).shape().isScalar() && !(a.arg(0).shape().isScalar() && one(c, a.arg(0))) ? c.apply(SCALE, c.apply(DIVIDE, c.constant(1, Shape.SCALAR), a.arg(1)), a.arg(0)) : null),
            rule("A + b → A + b 1ᵀ for a column b", (a, c) -> is(a, ADD) && spread(a.arg(1), a) ? c.apply(ADD, a.arg(0), c.apply(MATMUL, a.arg(1), c.constant(1, Shape.of(1, a.shape().cols())))) : null),
            rule("b + A → b 1ᵀ + A for a column b", (a, c) -> is(a, ADD) && spread(a.arg(0), a) ? c.apply(ADD, c.apply(MATMUL, a.arg(0), c.constant(1, Shape.of(1, a.shape().cols()))), a.arg(1)) : null),
            rule("A + s → A + s 1 for a scalar s", (a, c) -> is(a, ADD) && a.arg(1).shape().isScalar() && !a.shape().isScalar() ? c.apply(ADD, a.arg(0), filled(c, a.arg(1), a.shape())) : null),
            rule("s + A → s 1 + A for a scalar s", (a, c) -> is(a, ADD) && a.arg(0).shape().isScalar() && !a.shape().isScalar() ? c.apply(ADD, filled(c, a.arg(0), a.shape()), a.arg(1)) : null),
            rule("sumRows(x) → x 1", (a, c) -> is(a, SUM_ROWS) ? c.apply(MATMUL, a.arg(0), c.constant(1, Shape.of(a.arg(0).shape().cols(), 1))) : null),
            rule("sumCols(x) → 1ᵀ x", (a, c) -> is(a, SUM_COLS) ? c.apply(MATMUL, c.constant(1, Shape.of(1, a.arg(0).shape().rows())), a.arg(0)) : null),
            rule("sum(x) → 1ᵀ x 1", (a, c) -> is(a, SUM) ? c.apply(MATMUL, c.constant(1, Shape.of(1, a.arg(0).shape().rows())), c.apply(MATMUL, a.arg(0), c.constant(1, Shape.of(a.arg(0).shape().cols(), 1)))) : null),
            rule("x² → x ⊙ x", (a, c) -> is(a, SQUARE) ? c.apply(HADAMARD, a.arg(0), a.arg(0)) : null),
            // transposes move down to the leaves
            rule("(A B)ᵀ → Bᵀ Aᵀ", (a, c) -> is(a, TRANSPOSE) && c.match(a.arg(0), MATMUL) != null ? c.apply(MATMUL, c.apply(TRANSPOSE, c.match(a.arg(0), MATMUL).arg(1)), c.apply(TRANSPOSE, c.match(a.arg(0), MATMUL).arg(0))) : null),
            rule("(A + B)ᵀ → Aᵀ + Bᵀ", (a, c) -> is(a, TRANSPOSE) && c.match(a.arg(0), ADD) != null && alike(c.match(a.arg(0), ADD)) ? c.apply(ADD, c.apply(TRANSPOSE, c.match(a.arg(0), ADD).arg(0)), c.apply(TRANSPOSE, c.match(a.arg(0), ADD).arg(1))) : null),
            rule("(A ⊙ B)ᵀ → Aᵀ ⊙ Bᵀ", (a, c) -> is(a, TRANSPOSE) && c.match(a.arg(0), HADAMARD) != null ? c.apply(HADAMARD, c.apply(TRANSPOSE, c.match(a.arg(0), HADAMARD).arg(0)), c.apply(TRANSPOSE, c.match(a.arg(0), HADAMARD).arg(1))) : null),
            rule("(s A)ᵀ → s Aᵀ", (a, c) -> is(a, TRANSPOSE) && c.match(a.arg(0), SCALE) != null ? c.apply(SCALE, c.match(a.arg(0), SCALE).arg(0), c.apply(TRANSPOSE, c.match(a.arg(0), SCALE).arg(1))) : null),
            // products: scalars out in front, ones multiplied out, sums distributed, right-nested
            rule("0 A → 0", (a, c) -> is(a, MATMUL) && (zero(c, a.arg(0)) || zero(c, a.arg(1))) ? c.constant(0, a.shape()) : null),
            rule("s B → s B for a 1×1 s", (a, c) -> is(a, MATMUL) && a.arg(0).shape().isScalar() ? c.apply(SCALE, a.arg(0), a.arg(1)) : null),
            rule("A s → s A for a 1×1 s", (a, c) -> is(a, MATMUL) && a.arg(1).shape().isScalar() ? c.apply(SCALE, a.arg(1), a.arg(0)) : null),
            rule("(s A) B → s (A B)", (a, c) -> is(a, MATMUL) && c.match(a.arg(0), SCALE) != null ? c.apply(SCALE, c.match(a.arg(0), SCALE).arg(0), c.apply(MATMUL, c.match(a.arg(0), SCALE).arg(1), a.arg(1))) : null),
            rule("A (s B) → s (A B)", (a, c) -> is(a, MATMUL) && c.match(a.arg(1), SCALE) != null ? c.apply(SCALE, c.match(a.arg(1), SCALE).arg(0), c.apply(MATMUL, a.arg(0), c.match(a.arg(1), SCALE).arg(1))) : null),
            rule("c A → c (1 A) for a constant matrix c", (a, c) -> is(a, MATMUL) && scaledOnes(c, a.arg(0)) ? c.apply(SCALE, c.constant(c.constant(a.arg(0)), Shape.SCALAR), c.apply(MATMUL, c.constant(1, a.arg(0).shape()), a.arg(1))) : null),
            rule("A c → c (A 1) for a constant matrix c", (a, c) -> is(a, MATMUL) && scaledOnes(c, a.arg(1)) ? c.apply(SCALE, c.constant(c.constant(a.arg(1)), Shape.SCALAR), c.apply(MATMUL, a.arg(0), c.constant(1, a.arg(1).shape()))) : null),
            rule("1 1 → k 1", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && one(c, a.arg(1)) && a.arg(0).shape().cols() != Shape.N ? c.constant(a.arg(0).shape().cols(), a.shape()) : null),
            rule("1 (1 B) → (1 1) B", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && c.match(a.arg(1), MATMUL) != null && one(c, c.match(a.arg(1), MATMUL).arg(0)) && a.arg(0).shape().cols() != Shape.N
                    ? c.apply(MATMUL, c.apply(MATMUL, a.arg(0), c.match(a.arg(1), MATMUL).arg(0)), c.match(a.arg(1), MATMUL).arg(1)) : null),
            rule("A (B + C) → A B + A C", (a, c) -> is(a, MATMUL) && c.match(a.arg(1), ADD) != null && alike(c.match(a.arg(1), ADD)) ? c.apply(ADD, c.apply(MATMUL, a.arg(0), c.match(a.arg(1), ADD).arg(0)), c.apply(MATMUL, a.arg(0), c.match(a.arg(1), ADD).arg(1))) : null),
            rule("(A + B) C → A C + B C", (a, c) -> is(a, MATMUL) && c.match(a.arg(0), ADD) != null && alike(c.match(a.arg(0), ADD)) ? c.apply(ADD, c.apply(MATMUL, c.match(a.arg(0), ADD).arg(0), a.arg(1)), c.apply(MATMUL, c.match(a.arg(0), ADD).arg(1), a.arg(1))) : null),
            rule("1ᵀ (u ⊙ v) → uᵀ v for columns", (a, c) -> is(a, MATMUL) && one(c, a.arg(0)) && a.shape().isScalar() && c.match(a.arg(1), HADAMARD) != null
                    ? c.apply(MATMUL, c.apply(TRANSPOSE, c.match(a.arg(1), HADAMARD).arg(0)), c.match(a.arg(1), HADAMARD).arg(1)) : null),
            rule("uᵀ v = vᵀ u for columns", (a, c) -> is(a, MATMUL) && a.shape().isScalar() && c.match(a.arg(0), TRANSPOSE) != null && c.key(c.match(a.arg(0), TRANSPOSE).arg(0)) > c.key(a.arg(1))
                    ? c.apply(MATMUL, c.apply(TRANSPOSE, a.arg(1)), c.match(a.arg(0), TRANSPOSE).arg(0)) : null),
            rule("(A B) C → A (B C)", (a, c) -> is(a, MATMUL) && c.match(a.arg(0), MATMUL) != null ? c.apply(MATMUL, c.match(a.arg(0), MATMUL).arg(0), c.apply(MATMUL, c.match(a.arg(0), MATMUL).arg(1), a.arg(1))) : null),
            // ⊙: distributed over sums, right-nested, its factors in order
            rule("A ⊙ (B + C) → A ⊙ B + A ⊙ C", (a, c) -> is(a, HADAMARD) && c.match(a.arg(1), ADD) != null && alike(c.match(a.arg(1), ADD)) ? c.apply(ADD, c.apply(HADAMARD, a.arg(0), c.match(a.arg(1), ADD).arg(0)), c.apply(HADAMARD, a.arg(0), c.match(a.arg(1), ADD).arg(1))) : null),
            rule("(A + B) ⊙ C → A ⊙ C + B ⊙ C", (a, c) -> is(a, HADAMARD) && c.match(a.arg(0), ADD) != null && alike(c.match(a.arg(0), ADD)) ? c.apply(ADD, c.apply(HADAMARD, c.match(a.arg(0), ADD).arg(0), a.arg(1)), c.apply(HADAMARD, c.match(a.arg(0), ADD).arg(1), a.arg(1))) : null),
            rule("(1/s) ⊙ s → 1", (a, c) -> is(a, HADAMARD) && (inverse(c, a.arg(0), a.arg(1)) || inverse(c, a.arg(1), a.arg(0))) ? c.constant(1, a.shape()) : null),
            rule("(A ⊙ B) ⊙ C → A ⊙ (B ⊙ C)", (a, c) -> is(a, HADAMARD) && c.match(a.arg(0), HADAMARD) != null ? c.apply(HADAMARD, c.match(a.arg(0), HADAMARD).arg(0), c.apply(HADAMARD, c.match(a.arg(0), HADAMARD).arg(1), a.arg(1))) : null),
            rule("a ⊙ (b ⊙ c) = b ⊙ (a ⊙ c)", (a, c) -> is(a, HADAMARD) && c.match(a.arg(1), HADAMARD) != null && c.key(a.arg(0)) > c.key(c.match(a.arg(1), HADAMARD).arg(0))
                    ? c.apply(HADAMARD, c.match(a.arg(1), HADAMARD).arg(0), c.apply(HADAMARD, a.arg(0), c.match(a.arg(1), HADAMARD).arg(1))) : null),
            rule("a ⊙ b = b ⊙ a", (a, c) -> is(a, HADAMARD) && c.match(a.arg(1), HADAMARD) == null && c.key(a.arg(0)) > c.key(a.arg(1)) ? c.apply(HADAMARD, a.arg(1), a.arg(0)) : null),
            // scalars: constants in front of the other scalars, other scalars multiplied by ⊙, sums distributed
            rule("s (A + B) → s A + s B", (a, c) -> is(a, SCALE) && c.match(a.arg(1), ADD) != null && alike(c.match(a.arg(1), ADD)) ? c.apply(ADD, c.apply(SCALE, a.arg(0), c.match(a.arg(1), ADD).arg(0)), c.apply(SCALE, a.arg(0), c.match(a.arg(1), ADD).arg(1))) : null),
            rule("(s + t) A → s A + t A", (a, c) -> is(a, SCALE) && c.match(a.arg(0), ADD) != null ? c.apply(ADD, c.apply(SCALE, c.match(a.arg(0), ADD).arg(0), a.arg(1)), c.apply(SCALE, c.match(a.arg(0), ADD).arg(1), a.arg(1))) : null),
            rule("(c s) A → c (s A)", (a, c) -> is(a, SCALE) && c.match(a.arg(0), SCALE) != null ? c.apply(SCALE, c.match(a.arg(0), SCALE).arg(0), c.apply(SCALE, c.match(a.arg(0), SCALE).arg(1), a.arg(1))) : null),
            rule("s (c A) → c (s A)", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) == null && c.match(a.arg(1), SCALE) != null && c.constant(c.match(a.arg(1), SCALE).arg(0)) != null
                    ? c.apply(SCALE, c.match(a.arg(1), SCALE).arg(0), c.apply(SCALE, a.arg(0), c.match(a.arg(1), SCALE).arg(1))) : null),
            rule("s (t A) → (s ⊙ t) A", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) == null && c.match(a.arg(1), SCALE) != null
                    ? c.apply(SCALE, c.apply(HADAMARD, a.arg(0), c.match(a.arg(1), SCALE).arg(0)), c.match(a.arg(1), SCALE).arg(1)) : null),
            rule("s t → s ⊙ t for a 1×1 t", (a, c) -> is(a, SCALE) && c.constant(a.arg(0)) == null && a.arg(1).shape().isScalar() ? c.apply(HADAMARD, a.arg(0), a.arg(1)) : null),
            // sums: right-nested, like terms added, terms in order
            rule("(a + b) + c → a + (b + c)", (a, c) -> is(a, ADD) && c.match(a.arg(0), ADD) != null && alike(a) && alike(c.match(a.arg(0), ADD))
                    ? c.apply(ADD, c.match(a.arg(0), ADD).arg(0), c.apply(ADD, c.match(a.arg(0), ADD).arg(1), a.arg(1))) : null),
            rule("c x + d x → (c + d) x", (a, c) -> is(a, ADD) && alike(a) && monomial(c, a.arg(0)) == monomial(c, a.arg(1))
                    ? term(c, coefficient(c, a.arg(0)) + coefficient(c, a.arg(1)), monomial(c, a.arg(0))) : null),
            rule("c x + (d x + r) → (c + d) x + r", (a, c) -> is(a, ADD) && alike(a) && c.match(a.arg(1), ADD) != null && monomial(c, a.arg(0)) == monomial(c, c.match(a.arg(1), ADD).arg(0))
                    ? c.apply(ADD, term(c, coefficient(c, a.arg(0)) + coefficient(c, c.match(a.arg(1), ADD).arg(0)), monomial(c, a.arg(0))), c.match(a.arg(1), ADD).arg(1)) : null),
            rule("a + (b + r) = b + (a + r)", (a, c) -> is(a, ADD) && alike(a) && c.match(a.arg(1), ADD) != null && termKey(c, a.arg(0)) > termKey(c, c.match(a.arg(1), ADD).arg(0))
                    ? c.apply(ADD, c.match(a.arg(1), ADD).arg(0), c.apply(ADD, a.arg(0), c.match(a.arg(1), ADD).arg(1))) : null),
            rule("a + b = b + a", (a, c) -> is(a, ADD) && alike(a) && c.match(a.arg(1), ADD) == null && termKey(c, a.arg(0)) > termKey(c, a.arg(1)) ? c.apply(ADD, a.arg(1), a.arg(0)) : null));

    /**
     * The derivatives of σ and tanh written from the activation, read back as σ′(z) and tanh′(z): run before
     * {@link #EXPANSION} (which would spread a ⊙ (1 − a) into two terms) when what differs is to be named.
     */
    public static final List<Rule> RAISING = List.of(
            rule("a ⊙ (1 − a) → σ′(z), a = σ(z)", (a, c) -> is(a, HADAMARD) && oneMinus(c, a.arg(1), a.arg(0)) && c.match(a.arg(0), SIGMOID) != null ? c.apply(SIGMOID_PRIME, c.match(a.arg(0), SIGMOID).arg(0)) : null),
            rule("(1 − a) ⊙ a → σ′(z), a = σ(z)", (a, c) -> is(a, HADAMARD) && oneMinus(c, a.arg(0), a.arg(1)) && c.match(a.arg(1), SIGMOID) != null ? c.apply(SIGMOID_PRIME, c.match(a.arg(1), SIGMOID).arg(0)) : null),
            rule("1 − a² → tanh′(z), a = tanh(z)", (a, c) -> is(a, SUB) && one(c, a.arg(0)) && tanhSquared(c, a.arg(1)) != null && keeps(a, a.arg(1)) ? c.apply(TANH_PRIME, tanhSquared(c, a.arg(1))) : null));

    /** The rules under which a hand-derived formula is proved equal to the derived one. */
    public static List<Rule> forProofs() {
        List<Rule> all = new java.util.ArrayList<>(ALGEBRA);
        all.addAll(LOWERING);
        all.addAll(CANONICAL);
        return all;
    }

    /** A sum of products ({@link #EXPANSION}), with σ′ and tanh′ lowered to the activation when {@code lower}. */
    public static List<Rule> expanded(boolean lower) {
        List<Rule> all = new java.util.ArrayList<>(IDENTITIES);
        if (lower) {
            all.addAll(LOWERING);
        }
        all.addAll(EXPANSION);
        return all;
    }

    /** A term's constant coefficient: c in c · m, v for a constant matrix of v, else 1. */
    public static double coefficient(Context c, Node term) {
        Apply s = c.match(term, SCALE);
        if (s != null && c.constant(s.arg(0)) != null) {
            return c.constant(s.arg(0));
        }
        return c.constant(term) != null ? c.constant(term) : 1;
    }

    /** A term without its constant coefficient: m in c · m, a matrix of ones for a constant matrix. */
    public static Node monomial(Context c, Node term) {
        Apply s = c.match(term, SCALE);
        if (s != null && c.constant(s.arg(0)) != null) {
            return s.arg(1);
        }
        return c.constant(term) != null ? c.constant(1, term.shape()) : term;
    }

    /** k · m, as the normal form writes it: 0, m itself, a constant matrix, or a scaled term. */
    private static Node term(Context c, double k, Node m) {
        if (k == 0 || c.constant(m) != null) {
            return c.constant(k * (c.constant(m) == null ? 0 : c.constant(m)), m.shape());
        }
        return k == 1 ? m : c.apply(SCALE, c.constant(k, Shape.SCALAR), m);
    }

    /** Terms sort by their monomial, so like terms meet; then by coefficient. */
    private static long termKey(Context c, Node term) {
        return c.key(monomial(c, term));
    }

    /** b is a column the sum a spreads over more columns. */
    private static boolean spread(Node b, Apply a) {
        return b.shape().isColumn() && !b.shape().isScalar() && !a.shape().isColumn();
    }

    /** A scalar s over a whole shape: a constant matrix, or s times ones. */
    private static Node filled(Context c, Node s, Shape shape) {
        return c.constant(s) != null ? c.constant(c.constant(s), shape) : c.apply(SCALE, s, c.constant(1, shape));
    }

    /** Both operands of a sum have its shape: nothing is broadcast. */
    private static boolean alike(Apply a) {
        return a.arg(0).shape().equals(a.shape()) && a.arg(1).shape().equals(a.shape());
    }

    /** A constant matrix other than 0 and 1. */
    private static boolean scaledOnes(Context c, Node n) {
        return c.constant(n) != null && !n.shape().isScalar() && c.constant(n) != 0 && c.constant(n) != 1;
    }

    /** inv = 1/s. */
    private static boolean inverse(Context c, Node inv, Node s) {
        Apply d = c.match(inv, DIVIDE);
        return d != null && one(c, d.arg(0)) && d.arg(1) == s;
    }

    /** x = 1 − a. */
    private static boolean oneMinus(Context c, Node x, Node a) {
        Apply s = c.match(x, SUB);
        return s != null && one(c, s.arg(0)) && s.arg(1) == a;
    }

    /** z when x is tanh(z)² or tanh(z) ⊙ tanh(z), else null. */
    private static Node tanhSquared(Context c, Node x) {
        Apply sq = c.match(x, SQUARE);
        Apply h = c.match(x, HADAMARD);
        Node t = sq != null ? sq.arg(0) : h != null && h.arg(0) == h.arg(1) ? h.arg(0) : null;
        Apply tanh = t == null ? null : c.match(t, TANH);
        return tanh == null ? null : tanh.arg(0);
    }

    /** c/s with a constant c. */
    private static boolean quotient(Context c, Node n) {
        Apply d = c.match(n, DIVIDE);
        return d != null && d.arg(0).shape().isScalar() && c.constant(d.arg(0)) != null;
    }

    private static double numerator(Context c, Node quotient) {
        return c.constant(((Apply) quotient).arg(0));
    }

    /**
     * p q as one 1×1 coefficient, for p and q each a constant (its value, whatever its shape) or a 1×1 quotient c/s,
     * at most one of them a quotient; else null.
     */
    private static Node times(Context c, Node p, Node q) {
        Double u = c.constant(p);
        Double v = c.constant(q);
        if (u != null && v != null || u != null && u == 0 || v != null && v == 0) {
            return c.constant(u == null ? 0 : v == null ? 0 : u * v, Shape.SCALAR);
        }
        Node quotient = u != null ? q : p;
        Double k = u != null ? u : v;
        return k == null || !quotient.shape().isScalar() || !quotient(c, quotient) ? null
                : c.apply(DIVIDE, c.constant(k * numerator(c, quotient), Shape.SCALAR), ((Apply) quotient).arg(1));
    }

    /** −q for a constant or a quotient q, of q's shape. */
    private static Node negated(Context c, Node q) {
        return c.constant(q) != null ? c.constant(-c.constant(q), q.shape())
                : c.apply(DIVIDE, c.constant(-numerator(c, q), Shape.SCALAR), ((Apply) q).arg(1));
    }

    /** A coefficient below zero: a negative constant, or c/s with a negative c. */
    private static boolean negative(Context c, Node n) {
        return c.constant(n) != null ? c.constant(n) < 0 : quotient(c, n) && numerator(c, n) < 0;
    }

    /** s · C with a constant matrix C. */
    private static boolean scaledConstant(Context c, Node n) {
        Apply s = c.match(n, SCALE);
        return s != null && c.constant(s.arg(1)) != null;
    }

    private static boolean isProduct(Apply a) {
        return is(a, MATMUL) || is(a, MATMUL_TN) || is(a, MATMUL_NT);
    }

    /** s · f(C) when f(C) folds to a constant; else null, and the scale stays inside. */
    private static Node pulledOut(Context c, Node s, Node constants) {
        Node folded = c.constant(constants) != null ? constants : constants instanceof Apply f ? foldProduct(f, c) : null;
        return folded == null ? null : c.apply(SCALE, s, folded);
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        List<Rule> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
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
        Node product = foldProduct(a, c);
        if (product != null) {
            return product;
        }
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

    /**
     * A product of two constant matrices, u v with k inner entries, is the constant u v k (1ₙᵀ (c 1) and the like); a
     * sum of a constant matrix is the constant times the entries summed.
     */
    private static Node foldProduct(Apply a, Context c) {
        if (is(a, SUM_ROWS) || is(a, SUM_COLS) || is(a, SUM) || is(a, MEAN)) {
            Double v = a.arg(0) instanceof deltac.graph.Const k ? k.value() : null;
            Shape in = a.arg(0).shape();
            // a count that depends on the batch: sumCols(1₃ₓₙ) is 3 1ₙᵀ, but sumRows(1₃ₓₙ) is n 1₃
            boolean unknown = is(a, SUM_COLS) ? in.rows() == Shape.N : is(a, SUM_ROWS) ? in.cols() == Shape.N
                    : in.rows() == Shape.N || in.cols() == Shape.N;
            long count = is(a, SUM_ROWS) ? in.cols() : is(a, SUM_COLS) ? in.rows() : (long) in.rows() * in.cols();
            if (v == null || (unknown && !is(a, MEAN))) {
                return null;
            }
            return c.constant(is(a, MEAN) ? v : v * count, a.shape());
        }
        if (!(is(a, MATMUL) || is(a, MATMUL_TN) || is(a, MATMUL_NT))) {
            return null;
        }
        Double u = c.constant(a.arg(0));
        Double v = c.constant(a.arg(1));
        Shape left = a.arg(0).shape();
        int inner = is(a, MATMUL_TN) ? left.rows() : left.cols();
        if (u == null || v == null || inner == Shape.N || !(a.arg(0) instanceof deltac.graph.Const)
                || !(a.arg(1) instanceof deltac.graph.Const)) {
            return null;
        }
        double result = u * v * inner;
        return Double.isFinite(result) ? c.constant(result, a.shape()) : null;
    }
}
