package deltac.autodiff.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.ExprPrinter;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import deltac.graph.spec.Formulas;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule on an expression where it must fire, and one where it must not: the simplified form is the one the rule's
 * name promises, and it computes what the expression computed (on random values, n = 3). Over x (4×n), A (3×4),
 * c (4×1), s (1×1) and r (1×n).
 */
class RulesByExampleTest {
    static Stream<Arguments> examples() {
        return Stream.of(
                // constant coefficients (Rules.COEFFICIENTS)
                fires("c · (d/s) → (cd)/s", "0.5 * (3 / n)", 1, 1, "1.5 / n"),
                fires("p · (q · x) → (pq) · x for coefficients p, q", "2 * ((3 / n) * x)", 4, Shape.N, "6 / n * x"),
                fires("p · (q · x) → (pq) · x for coefficients p, q", "(3 / n) * (2 * x)", 4, Shape.N, "6 / n * x"),
                keeps("p · (q · x) → (pq) · x for coefficients p, q", "(1 / n) * ((2 / n) * x)", 4, Shape.N),
                fires("q · (c 1) → (cq) · 1 for a coefficient q", "(3 / n) * (2 * ones(4, 1))", 4, 1, "6 / n * ones(4, 1)"),
                fires("q · (c 1) → (cq) · 1 for a coefficient q", "(3 / n) * (0 * ones(4, 1))", 4, 1, "0 * ones(4, 1)"),
                keeps("q · (c 1) → (cq) · 1 for a coefficient q", "sum(x) * (2 * ones(4, 1))", 4, 1),
                fires("C (s · D) → s · (C D) for constant matrices", "ones(4, 3) * (s * ones(3, 2))", 4, 2, "s * (3 * ones(4, 2))"),
                fires("(s · C) D → s · (C D) for constant matrices", "(s * ones(4, 3)) * ones(3, 2)", 4, 2, "s * (3 * ones(4, 2))"),
                keeps("C (s · D) → s · (C D) for constant matrices", "ones(1, 4) * (s * x)", 1, Shape.N),
                fires("Σ(s · C) → s · Σ(C) for a constant matrix", "sumCols((2 / n) * ones(4, n))", 1, Shape.N, "8 / n * ones(1, n)"),
                fires("Σ(s · C) → s · Σ(C) for a constant matrix", "sum(s * ones(4, 3))", 1, 1, "12 * s"),
                keeps("Σ(s · C) → s · Σ(C) for a constant matrix", "sumRows(s * ones(4, n))", 4, 1),
                fires("a − q · x → a + (−q) · x for a negative coefficient q", "x - (-2 / n) * x", 4, Shape.N, "x + 2 / n * x"),
                fires("a − q · x → a + (−q) · x for a negative coefficient q", "x - -3 * c", 4, Shape.N, "x + 3 * c"),
                keeps("a − q · x → a + (−q) · x for a negative coefficient q", "x - (2 / n) * x", 4, Shape.N),
                fires("a − q → a + (−q) for a negative coefficient q", "x - (-2 / n)", 4, Shape.N, "x + 2 / n"),
                fires("a − q → a + (−q) for a negative coefficient q", "x - -0.5 * ones(4, 1)", 4, Shape.N, "x + 0.5 * ones(4, 1)"),
                keeps("a − q → a + (−q) for a negative coefficient q", "x - 2 / n", 4, Shape.N),
                fires("a − (−x) → a + x", "x - -(A.T * ones(3, 1))", 4, Shape.N, "x + A.T * ones(3, 1)"),
                // identities that drop an operand: only where it was not broadcast
                fires("x + 0 → x", "x + 0 * ones(4, n)", 4, Shape.N, "x"),
                keeps("x + 0 → x", "c + 0 * ones(4, n)", 4, Shape.N),
                fires("0 + x → x", "0 * ones(4, n) + x", 4, Shape.N, "x"),
                keeps("0 + x → x", "0 * ones(4, n) + c", 4, Shape.N),
                fires("x − 0 → x", "x - 0 * ones(4, n)", 4, Shape.N, "x"),
                keeps("x − 0 → x", "c - 0 * ones(4, n)", 4, Shape.N),
                // constants fold where the op is element-wise and the count is known
                keeps("fold constants", "softmax(ones(4, 1))", 4, 1),
                keeps("fold constants", "sumRows(ones(4, n))", 4, 1),
                fires("fold constants", "sumCols(ones(4, n))", 1, Shape.N, "4 * ones(1, n)"),
                fires("fold constants", "sum(ones(2, 3))", 1, 1, "6"),
                fires("s · [c] → c · s for a 1×1 constant c", "sum(x) * (2 * ones(1, 1))", 1, 1, "2 * sum(x)"),
                fires("s · [1] → s", "sum(x) * ones(1, 1)", 1, 1, "sum(x)"));
    }

    /**
     * The rules that raise σ′ and tanh′ back from their activations (Rules.RAISING, run before {@code check} names
     * what differs): only on 1 minus the square of a tanh, or a σ times 1 minus itself, never where a broadcast
     * would change the shape.
     */
    static Stream<Arguments> raising() {
        String tanh = "1 − a² → tanh′(z), a = tanh(z)";
        String sigmoid = "a ⊙ (1 − a) → σ′(z), a = σ(z)";
        return Stream.of(
                fires(tanh, "1 - square(tanh(x))", 4, Shape.N, "tanhPrime(x)"),
                fires(tanh, "1 - hadamard(tanh(x), tanh(x))", 4, Shape.N, "tanhPrime(x)"),
                keeps(tanh, "2 - square(tanh(x))", 4, Shape.N),
                keeps(tanh, "1 - square(exp(x))", 4, Shape.N),
                keeps(tanh, "1 - hadamard(tanh(x), tanh(2 * x))", 4, Shape.N),
                keeps(tanh, "1 - hadamard(tanh(x), exp(x))", 4, Shape.N),
                keeps(tanh, "1 + square(tanh(x))", 4, Shape.N),
                keeps(tanh, "ones(4, n) - square(tanh(c))", 4, Shape.N),
                fires(sigmoid, "hadamard(sigmoid(x), 1 - sigmoid(x))", 4, Shape.N, "sigmoidPrime(x)"),
                fires("(1 − a) ⊙ a → σ′(z), a = σ(z)", "hadamard(1 - sigmoid(x), sigmoid(x))", 4, Shape.N, "sigmoidPrime(x)"),
                keeps(sigmoid, "hadamard(exp(x), 1 - exp(x))", 4, Shape.N));
    }

    /** For proofs, commuted operands meet in one order: what makes a + b and b + a one normal form. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+", "hadamard"})
    void commutedOperandsMeetInOneNormalForm(String op) {
        GraphBuilder b = new GraphBuilder("Rules", "rules.java");
        Map<String, Node> leaves = Map.of("x", b.input("x", 4), "c", b.param("c", Shape.of(4, 1), Init.glorot()));
        String one = op.equals("+") ? "x + exp(x)" : "hadamard(x, exp(x))";
        String other = op.equals("+") ? "exp(x) + x" : "hadamard(exp(x), x)";
        Formulas.Result read = Formulas.read("class F { Matrix e = " + one + "; Matrix f = " + other + "; }", "rules.java",
                b, leaves, Map.of("e", Shape.of(4, Shape.N), "f", Shape.of(4, Shape.N)));
        assertTrue(read.ok(), read.diagnostics().toString());
        Rewriter rewriter = new Rewriter(Rules.forProofs(), b, Set.of());
        assertTrue(rewriter.rewrite(read.formulas().get(0).value()) == rewriter.rewrite(read.formulas().get(1).value()),
                one + " and " + other + " differ");
    }

    private static Arguments fires(String rule, String expression, int rows, int cols, String simplified) {
        return Arguments.of(rule, expression, rows, cols, simplified);
    }

    private static Arguments keeps(String rule, String expression, int rows, int cols) {
        return Arguments.of(rule, expression, rows, cols, null);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void theRuleFiresWhereItAppliesAndKeepsTheValue(String rule, String expression, int rows, int cols, String simplified) {
        check(Rules.ALGEBRA, rule, expression, rows, cols, simplified);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("raising")
    void raisingFiresWhereItAppliesAndKeepsTheValue(String rule, String expression, int rows, int cols, String simplified) {
        check(Rules.RAISING, rule, expression, rows, cols, simplified);
    }

    private static void check(List<Rule> rules, String rule, String expression, int rows, int cols, String simplified) {
        GraphBuilder b = new GraphBuilder("Rules", "rules.java");
        Map<String, Node> leaves = new LinkedHashMap<>();
        Input x = b.input("x", 4);
        leaves.put("x", x);
        leaves.put("A", b.param("A", Shape.of(3, 4), Init.glorot()));
        leaves.put("c", b.param("c", Shape.of(4, 1), Init.glorot()));
        leaves.put("s", b.param("s", Shape.SCALAR, Init.glorot()));
        leaves.put("r", b.input("r", 1));
        Formulas.Result read = Formulas.read("class F { Matrix e = " + expression + "; }", "rules.java", b, leaves,
                Map.of("e", Shape.of(rows, cols)));
        assertTrue(read.ok(), read.diagnostics().toString());
        Node before = read.formulas().get(0).value();
        Rewriter rewriter = new Rewriter(rules, b, Set.of());
        Node after = rewriter.rewrite(before);
        ExprPrinter printer = new ExprPrinter(n -> n instanceof Input i ? i.name() : n instanceof Param p ? p.name() : null,
                Integer.MAX_VALUE);
        if (simplified == null) {
            assertTrue(!rewriter.fired().containsKey(rule), rule + " fired on " + expression + ": " + printer.print(after));
        } else {
            assertTrue(rewriter.fired().containsKey(rule), rule + " did not fire on " + expression + ": " + rewriter.fired());
            assertEquals(simplified, printer.print(after));
        }
        Random rng = new Random(expression.hashCode());
        Map<String, DMatrixRMaj> bindings = new HashMap<>();
        for (Node leaf : leaves.values()) {
            Shape shape = leaf.shape();
            DMatrixRMaj m = new DMatrixRMaj(shape.rows() == Shape.N ? 3 : shape.rows(), shape.cols() == Shape.N ? 3 : shape.cols());
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = rng.nextGaussian();
            }
            bindings.put(leaf instanceof Input in ? in.name() : ((Param) leaf).name(), m);
        }
        Values values = Interpreter.evaluate(List.of(before, after), bindings);
        DMatrixRMaj want = values.get(before);
        DMatrixRMaj got = values.get(after);
        assertEquals(want.numRows, got.numRows, "rows");
        assertEquals(want.numCols, got.numCols, "columns");
        for (int i = 0; i < want.data.length; i++) {
            assertEquals(want.data[i], got.data[i], 1e-12 * Math.max(1, Math.abs(want.data[i])), expression + " at " + i);
        }
    }
}
