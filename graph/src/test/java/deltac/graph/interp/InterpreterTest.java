package deltac.graph.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each op against small cases computed by hand. */
class InterpreterTest {
    private static final double EPS = 1e-12;
    private static final Set<Op> TESTED = EnumSet.noneOf(Op.class);

    private final GraphBuilder g = new GraphBuilder("T", "test");
    private final Map<String, DMatrixRMaj> bindings = new HashMap<>();

    /** A parameter named {@code name} holding these rows. */
    private Node matrix(String name, double[][] rows) {
        bindings.put(name, new DMatrixRMaj(rows));
        return g.param(name, Shape.of(rows.length, rows[0].length), Init.zeros());
    }

    private DMatrixRMaj eval(Op op, double attr, Node... args) throws ShapeException {
        TESTED.add(op);
        Node node = g.apply(op, attr, args);
        return Interpreter.evaluate(List.of(node), bindings).get(node);
    }

    private DMatrixRMaj eval(Op op, Node... args) throws ShapeException {
        return eval(op, 0, args);
    }

    private static void assertMatrix(double[][] expected, DMatrixRMaj actual) {
        assertEquals(expected.length, actual.numRows, "rows");
        assertEquals(expected[0].length, actual.numCols, "cols");
        for (int i = 0; i < expected.length; i++) {
            double[] row = new double[actual.numCols];
            System.arraycopy(actual.data, i * actual.numCols, row, 0, actual.numCols);
            assertArrayEquals(expected[i], row, 1e-9, "row " + i);
        }
    }

    private static void assertScalar(double expected, DMatrixRMaj actual) {
        assertEquals(1, actual.getNumElements());
        assertEquals(expected, actual.get(0), 1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void arithmeticAndBroadcasting() throws ShapeException {
        Node a = matrix("a", new double[][] {{1, 2}, {3, 4}});
        Node b = matrix("b", new double[][] {{5, 6}, {7, 8}});
        Node col = matrix("c", new double[][] {{10}, {20}});
        Node s = matrix("s", new double[][] {{2}});
        assertMatrix(new double[][] {{6, 8}, {10, 12}}, eval(Op.ADD, a, b));
        assertMatrix(new double[][] {{11, 12}, {23, 24}}, eval(Op.ADD, a, col));
        assertMatrix(new double[][] {{11, 12}, {23, 24}}, eval(Op.ADD, col, a));
        assertMatrix(new double[][] {{3, 4}, {5, 6}}, eval(Op.ADD, a, s));
        assertMatrix(new double[][] {{-4, -4}, {-4, -4}}, eval(Op.SUB, a, b));
        assertMatrix(new double[][] {{9, 8}, {17, 16}}, eval(Op.SUB, col, a));
        assertMatrix(new double[][] {{1, 0}, {-1, -2}}, eval(Op.SUB, s, a));
        assertMatrix(new double[][] {{19, 22}, {43, 50}}, eval(Op.MATMUL, a, b));
        assertMatrix(new double[][] {{26, 30}, {38, 44}}, eval(Op.MATMUL_TN, a, b));
        assertMatrix(new double[][] {{17, 23}, {39, 53}}, eval(Op.MATMUL_NT, a, b));
        assertMatrix(new double[][] {{2, 4}, {6, 8}}, eval(Op.SCALE, s, a));
        assertMatrix(new double[][] {{0.1, 0.2}, {0.15, 0.2}}, eval(Op.DIVIDE, a, col));
        assertMatrix(new double[][] {{0.5, 1}, {1.5, 2}}, eval(Op.DIVIDE, a, s));
        assertMatrix(new double[][] {{-1, -2}, {-3, -4}}, eval(Op.NEG, a));
        assertMatrix(new double[][] {{1, 3}, {2, 4}}, eval(Op.TRANSPOSE, a));
        assertMatrix(new double[][] {{5, 12}, {21, 32}}, eval(Op.HADAMARD, a, b));
    }

    @Test
    void rectangularProductAndTranspose() throws ShapeException {
        Node a = matrix("a", new double[][] {{1, 2, 3}});
        Node b = matrix("b", new double[][] {{4}, {5}, {6}});
        assertScalar(32, eval(Op.MATMUL, a, b));
        assertMatrix(new double[][] {{4, 8, 12}, {5, 10, 15}, {6, 12, 18}}, eval(Op.MATMUL, b, a));
        Node c = matrix("c", new double[][] {{-1}, {2}});
        // two columns: an outer product, as δ aᵀ is for a batch of one
        assertMatrix(new double[][] {{-4, 8}, {-5, 10}, {-6, 12}}, eval(Op.MATMUL_NT, b, c));
    }

    @Test
    void elementwiseFunctions() throws ShapeException {
        Node a = matrix("a", new double[][] {{-2, 0, 3}});
        double e = Math.E;
        assertMatrix(new double[][] {{1 / (1 + e * e), 0.5, 1 / (1 + Math.pow(e, -3))}}, eval(Op.SIGMOID, a));
        assertMatrix(new double[][] {{Math.tanh(-2), 0, Math.tanh(3)}}, eval(Op.TANH, a));
        assertMatrix(new double[][] {{0, 0, 3}}, eval(Op.RELU, a));
        assertMatrix(new double[][] {{-0.2, 0, 3}}, eval(Op.LEAKY_RELU, 0.1, a));
        assertMatrix(new double[][] {{1 / (e * e), 1, e * e * e}}, eval(Op.EXP, a));
        assertMatrix(new double[][] {{4, 0, 9}}, eval(Op.SQUARE, a));
        assertMatrix(new double[][] {{2, 0, 3}}, eval(Op.ABS, a));
        assertMatrix(new double[][] {{-1, 0, 1}}, eval(Op.SIGN, a));
        Node p = matrix("p", new double[][] {{1, 4, e}});
        assertMatrix(new double[][] {{0, Math.log(4), 1}}, eval(Op.LOG, p));
        assertMatrix(new double[][] {{1, 2, Math.sqrt(e)}}, eval(Op.SQRT, p));
    }

    @Test
    void derivativesOfTheActivations() throws ShapeException {
        Node a = matrix("a", new double[][] {{-2, 0, 3}});
        double s = 1 / (1 + Math.exp(2));
        assertMatrix(new double[][] {{s * (1 - s), 0.25, (1 / (1 + Math.exp(-3))) * (1 - 1 / (1 + Math.exp(-3)))}},
                eval(Op.SIGMOID_PRIME, a));
        assertMatrix(new double[][] {{1 - Math.pow(Math.tanh(-2), 2), 1, 1 - Math.pow(Math.tanh(3), 2)}},
                eval(Op.TANH_PRIME, a));
        assertMatrix(new double[][] {{0, 0, 1}}, eval(Op.RELU_PRIME, a));
        assertMatrix(new double[][] {{0.01, 0.01, 1}}, eval(Op.LEAKY_RELU_PRIME, 0.01, a));
    }

    @Test
    void softmaxIsPerColumn() throws ShapeException {
        Node z = matrix("z", new double[][] {{0, 1}, {Math.log(3), 1}});
        assertMatrix(new double[][] {{0.25, 0.5}, {0.75, 0.5}}, eval(Op.SOFTMAX, z));
        assertMatrix(new double[][] {{Math.log(0.25), Math.log(0.5)}, {Math.log(0.75), Math.log(0.5)}},
                eval(Op.LOG_SOFTMAX, z));
    }

    @Test
    void reductions() throws ShapeException {
        Node a = matrix("a", new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertScalar(21, eval(Op.SUM, a));
        assertMatrix(new double[][] {{6}, {15}}, eval(Op.SUM_ROWS, a));
        assertMatrix(new double[][] {{5, 7, 9}}, eval(Op.SUM_COLS, a));
        assertScalar(3.5, eval(Op.MEAN, a));
        assertScalar(3, eval(Op.COLS, a));
    }

    @Test
    void lossesAverageOverTheColumns() throws ShapeException {
        Node a = matrix("a", new double[][] {{1, 2}, {3, 5}});
        Node y = matrix("y", new double[][] {{0, 2}, {1, 1}});
        // ½ (1 + 0 + 4 + 16) / 2 columns
        assertScalar(21.0 / 4, eval(Op.MSE, a, y));
        Node p = matrix("p", new double[][] {{0.25, 0.5}, {0.75, 0.5}});
        Node onehot = matrix("t", new double[][] {{0, 1}, {1, 0}});
        assertScalar(-(Math.log(0.75) + Math.log(0.5)) / 2, eval(Op.CROSS_ENTROPY, p, onehot));
        Node q = matrix("q", new double[][] {{0.8, 0.3}});
        Node b = matrix("b", new double[][] {{1, 0}});
        assertScalar(-(Math.log(0.8) + Math.log(0.7)) / 2, eval(Op.BINARY_CROSS_ENTROPY, q, b));
    }

    @Test
    void crossEntropyOfSoftmaxIsStableOnExtremeLogits() throws ShapeException {
        Node z = matrix("z", new double[][] {{1e4, -1e4}, {-1e4, 1e4}, {0, 0}});
        Node y = matrix("y", new double[][] {{0, 0}, {1, 0}, {0, 1}});
        Node softmax = g.apply(Op.SOFTMAX, z);
        DMatrixRMaj p = Interpreter.evaluate(List.of(softmax), bindings).get(softmax);
        for (double v : p.data) {
            assertTrue(Double.isFinite(v) && v >= 0 && v <= 1, "softmax entry " + v);
        }
        DMatrixRMaj loss = eval(Op.CROSS_ENTROPY, softmax, y);
        // column 0: log p(row 1) = −2e4; column 1: log p(row 2) = −1e4
        assertScalar((2e4 + 1e4) / 2, loss);
        DMatrixRMaj logSoftmax = eval(Op.LOG_SOFTMAX, z);
        assertEquals(-2e4, logSoftmax.get(1, 0), EPS);
        assertEquals(0, logSoftmax.get(0, 0), EPS);
        Node log = g.apply(Op.LOG, softmax);
        DMatrixRMaj logOfSoftmax = Interpreter.evaluate(List.of(log), bindings).get(log);
        assertEquals(-2e4, logOfSoftmax.get(1, 0), EPS);
    }

    @Test
    void binaryCrossEntropyOfSigmoidIsStableOnExtremeLogits() throws ShapeException {
        Node z = matrix("z", new double[][] {{1e4, -1e4, 800, -800}});
        Node y = matrix("y", new double[][] {{0, 1, 1, 0}});
        Node sigmoid = g.apply(Op.SIGMOID, z);
        DMatrixRMaj s = Interpreter.evaluate(List.of(sigmoid), bindings).get(sigmoid);
        assertArrayEquals(new double[] {1, 0, 1, 0}, s.data, EPS);
        assertScalar((1e4 + 1e4 + 0 + 0) / 4, eval(Op.BINARY_CROSS_ENTROPY, sigmoid, y));
    }

    @Test
    void lossesOnProbabilitiesOfZeroStayFinite() throws ShapeException {
        Node p = matrix("p", new double[][] {{0, 1}});
        Node y = matrix("y", new double[][] {{1, 0}});
        // two columns: log 0 is clamped to −100 in column 0; column 1 has y = 0
        assertScalar(50.0, eval(Op.CROSS_ENTROPY, p, y));
        // both columns are certain and wrong: −100 each
        assertScalar(100.0, eval(Op.BINARY_CROSS_ENTROPY, p, y));
    }

    @Test
    void batchSizeIsReadOffTheInputs() throws ShapeException {
        Node x = g.input("x", 2);
        Node b = g.param("b", Shape.of(2, 1), Init.zeros());
        bindings.put("x", new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        bindings.put("b", new DMatrixRMaj(new double[][] {{1}, {-1}}));
        Node ones = g.constant(1, Shape.of(1, Shape.N));
        Node sum = g.apply(Op.ADD, x, b);
        Values v = Interpreter.evaluate(List.of(sum, ones), bindings);
        assertEquals(3, v.batch());
        assertMatrix(new double[][] {{2, 3, 4}, {3, 4, 5}}, v.get(sum));
        assertMatrix(new double[][] {{1, 1, 1}}, v.get(ones));
    }

    @Test
    void aWronglyShapedBindingIsRefusedByName() {
        Node w = g.param("W", Shape.of(2, 3), Init.zeros());
        bindings.put("W", new DMatrixRMaj(3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpreter.evaluate(List.of(w), bindings));
        assertEquals("W is 2×3 but the value bound to it is 3×2", e.getMessage());
    }

    @Test
    void aPlanFollowsItsBindingsContentsAndBatchSize() throws ShapeException {
        Node x = g.input("x", 2);
        Node b = g.param("b", Shape.of(2, 1), Init.zeros());
        DMatrixRMaj xs = new DMatrixRMaj(new double[][] {{1}, {2}});
        DMatrixRMaj bs = new DMatrixRMaj(new double[][] {{10}, {20}});
        bindings.put("x", xs);
        bindings.put("b", bs);
        Node sum = g.apply(Op.ADD, x, b);
        Node loss = g.apply(Op.SUM, g.apply(Op.HADAMARD, sum, sum));
        Interpreter.Plan plan = Interpreter.plan(List.of(sum, loss), bindings);
        assertMatrix(new double[][] {{11}, {22}}, plan.evaluate().get(sum));
        bs.set(0, 0, 30); // new contents, same matrix
        assertMatrix(new double[][] {{31}, {22}}, plan.evaluate().at(plan.slot(sum)));
        xs.reshape(2, 2); // a new batch size
        xs.data = new double[] {1, 2, 3, 4};
        Values two = plan.evaluate();
        assertEquals(2, two.batch());
        assertMatrix(new double[][] {{31, 32}, {23, 24}}, two.get(sum));
        assertScalar(31 * 31 + 32 * 32 + 23 * 23 + 24 * 24, two.get(loss));
        bs.reshape(1, 2); // a bound parameter reshaped between two evaluations at the same batch size
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plan::evaluate);
        assertEquals("b is 2×1 but the value bound to it is 1×2", e.getMessage());
    }

    @AfterAll
    static void everyOpHasAHandComputedCase() {
        Set<Op> missing = EnumSet.complementOf(EnumSet.copyOf(TESTED));
        assertTrue(missing.isEmpty(), "ops without a hand-computed interpreter case: " + missing);
    }
}
