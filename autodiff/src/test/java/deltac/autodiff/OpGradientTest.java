package deltac.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every op's derived gradient, evaluated by the interpreter, equals central finite differences in float64,
 * on random shapes (batch 1 and odd sizes among them). The loss is ⟨op(...), R⟩ for a random probe R.
 */
class OpGradientTest {
    private static final Set<Op> TESTED = EnumSet.noneOf(Op.class);

    /** One random case: shapes drawn from the seed; values kept inside each op's domain. */
    private static final class Case {
        final Random rng;
        final GraphBuilder b = new GraphBuilder("Case", "test");
        final Map<String, DMatrixRMaj> bindings = new HashMap<>();
        final int m;
        final int k;
        final int p;
        final int n;

        Case(long seed) {
            rng = new Random(seed);
            m = 1 + rng.nextInt(4);
            k = 1 + rng.nextInt(5);
            p = 1 + rng.nextInt(3);
            n = new int[] {1, 2, 3, 5}[rng.nextInt(4)];
        }

        /** Uniform in ±[0.2, 1.2]: away from the kinks of relu, abs and sign. */
        double signed() {
            double v = 0.2 + rng.nextDouble();
            return rng.nextBoolean() ? v : -v;
        }

        double positive() {
            return 0.3 + rng.nextDouble();
        }

        Node param(String name, int rows, int cols, java.util.function.DoubleSupplier values) {
            Param param = b.param(name, Shape.of(rows, cols), Init.zeros());
            DMatrixRMaj v = new DMatrixRMaj(rows, cols);
            for (int i = 0; i < v.data.length; i++) {
                v.data[i] = values.getAsDouble();
            }
            bindings.put(name, v);
            return param;
        }

        Node param(String name, int rows, int cols) {
            return param(name, rows, cols, this::signed);
        }

        Node input(String name, int rows) {
            Input input = b.input(name, rows);
            DMatrixRMaj v = new DMatrixRMaj(rows, n);
            for (int i = 0; i < v.data.length; i++) {
                v.data[i] = signed();
            }
            bindings.put(name, v);
            return input;
        }

        /** Columns that are probability distributions (positive, summing to 1), as targets are. */
        Node distribution(String name, int rows, int cols) {
            Node node = param(name, rows, cols, this::positive);
            DMatrixRMaj v = bindings.get(name);
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += v.get(i, j);
                }
                for (int i = 0; i < rows; i++) {
                    v.set(i, j, v.get(i, j) / sum);
                }
            }
            return node;
        }

        Node op(Op op, Node... args) throws ShapeException {
            TESTED.add(op);
            return b.apply(op, args);
        }

        Node op(Op op, double attr, Node... args) throws ShapeException {
            TESTED.add(op);
            return b.apply(op, attr, args);
        }

        /** Checks ⟨out, R⟩ for a random probe R of out's shape (an input when out has n columns). */
        void check(Node out, String label) throws ShapeException {
            Shape s = out.shape();
            Node probe;
            if (s.rows() == Shape.N) {
                probe = b.apply(Op.TRANSPOSE, input("probe", s.cols()));
            } else if (s.cols() == Shape.N) {
                probe = input("probe", s.rows());
            } else {
                probe = param("probe", s.rows(), s.cols());
            }
            Node loss = b.apply(Op.SUM, b.apply(Op.HADAMARD, out, probe));
            Graph graph = b.build(loss);
            FiniteDifferences.check(Autodiff.derive(graph), bindings, label + " (m=" + m + " k=" + k + " p=" + p
                    + " n=" + n + ")");
            FiniteDifferences.check(Autodiff.derive(graph, java.util.List.of()), bindings, label + " unsimplified");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sumsAndProductsBroadcasting(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m, c.k);
        Node b = c.param("B", c.m, c.k);
        Node col = c.param("c", c.m, 1);
        Node s = c.param("s", 1, 1);
        Node x = c.input("x", c.k);
        Node w = c.param("W", c.m, c.k);
        Node out = c.op(Op.ADD, c.op(Op.ADD, c.op(Op.ADD, a, b), col), s);
        out = c.op(Op.SUB, c.op(Op.SUB, out, col), c.op(Op.SUB, s, b));
        Node batch = c.op(Op.SUB, c.op(Op.ADD, c.op(Op.MATMUL, w, x), col), s);
        c.check(c.op(Op.ADD, c.op(Op.MATMUL, out, c.op(Op.TRANSPOSE, b)), c.op(Op.MATMUL_NT, batch, batch)), "add/sub");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void products(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m, c.k);
        Node b = c.param("B", c.k, c.p);
        Node at = c.param("At", c.k, c.m);
        Node bt = c.param("Bt", c.p, c.k);
        Node s = c.param("s", 1, 1);
        Node ab = c.op(Op.MATMUL, a, b);
        Node tn = c.op(Op.MATMUL_TN, at, b);
        Node nt = c.op(Op.MATMUL_NT, a, bt);
        c.check(c.op(Op.ADD, c.op(Op.SCALE, s, c.op(Op.HADAMARD, ab, tn)), c.op(Op.NEG, nt)), "products");
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void quotients(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m, c.k);
        Node b = c.param("B", c.m, c.k, c::positive);
        Node col = c.param("c", c.m, 1, c::positive);
        Node s = c.param("s", 1, 1, c::positive);
        c.check(c.op(Op.DIVIDE, c.op(Op.DIVIDE, c.op(Op.DIVIDE, a, b), col), s), "divide");
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void elementwise(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m, c.k);
        Node pos = c.param("P", c.m, c.k, c::positive);
        Op[] signed = {Op.SIGMOID, Op.TANH, Op.RELU, Op.EXP, Op.SQUARE, Op.ABS, Op.SIGMOID_PRIME, Op.TANH_PRIME,
            Op.RELU_PRIME, Op.SIGN, Op.NEG, Op.TRANSPOSE};
        Node total = c.op(Op.LEAKY_RELU, 0.1, a);
        total = c.op(Op.ADD, total, c.op(Op.LEAKY_RELU_PRIME, 0.1, a));
        for (Op op : signed) {
            Node v = c.op(op, a);
            total = c.op(Op.ADD, total, op == Op.TRANSPOSE ? c.op(Op.TRANSPOSE, v) : v);
        }
        total = c.op(Op.ADD, total, c.op(Op.ADD, c.op(Op.LOG, pos), c.op(Op.SQRT, pos)));
        c.check(total, "element-wise");
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44})
    void softmaxAndLogSoftmax(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m + 1, c.k);
        Node softmax = c.op(Op.SOFTMAX, a);
        c.check(c.op(Op.ADD, c.op(Op.ADD, softmax, c.op(Op.LOG_SOFTMAX, a)), c.op(Op.LOG, softmax)), "softmax");
    }

    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53, 54})
    void reductions(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node a = c.param("A", c.m, c.k);
        Node w = c.param("W", c.m, c.k);
        Node x = c.input("x", c.k);
        Node wx = c.op(Op.MATMUL, w, x);
        Node rows = c.op(Op.SUM_ROWS, a);
        Node cols = c.op(Op.SUM_COLS, a);
        Node scalars = c.op(Op.ADD, c.op(Op.ADD, c.op(Op.SUM, a), c.op(Op.MEAN, a)), c.op(Op.MEAN, wx));
        Node batch = c.op(Op.SCALE, c.op(Op.COLS, x), c.op(Op.SUM_ROWS, wx));
        c.check(c.op(Op.ADD, c.op(Op.MATMUL, c.op(Op.ADD, rows, batch), cols), scalars), "reductions");
    }

    @ParameterizedTest
    @ValueSource(longs = {61, 62, 63, 64})
    void losses(long seed) throws ShapeException {
        Case c = new Case(seed);
        int rows = c.m + 1;
        Node a = c.param("A", rows, c.k);
        Node y = c.param("Y", rows, c.k);
        Node t = c.distribution("T", rows, c.k);
        Node p = c.param("P", rows, c.k, () -> 0.2 + 0.6 * c.rng.nextDouble());
        Node q = c.param("Q", rows, c.k, () -> 0.2 + 0.6 * c.rng.nextDouble());
        Node mse = c.op(Op.MSE, a, y);
        Node ce = c.op(Op.CROSS_ENTROPY, c.op(Op.SOFTMAX, a), t);
        Node rawCe = c.op(Op.CROSS_ENTROPY, p, q);
        Node bce = c.op(Op.BINARY_CROSS_ENTROPY, c.op(Op.SIGMOID, a), q);
        Node rawBce = c.op(Op.BINARY_CROSS_ENTROPY, p, q);
        c.check(c.op(Op.ADD, c.op(Op.ADD, c.op(Op.ADD, mse, ce), c.op(Op.ADD, rawCe, bce)), rawBce), "losses");
    }

    @ParameterizedTest
    @ValueSource(longs = {71, 72, 73})
    void aBatchedLayerWithEveryLoss(long seed) throws ShapeException {
        Case c = new Case(seed);
        Node x = c.input("x", c.k);
        Node w = c.param("W", c.m + 1, c.k);
        Node bias = c.param("b", c.m + 1, 1);
        Node z = c.op(Op.ADD, c.op(Op.MATMUL, w, x), bias);
        Node y = c.input("y", c.m + 1);
        c.check(c.op(Op.ADD, c.op(Op.MSE, c.op(Op.TANH, z), y), c.op(Op.MSE, c.op(Op.SIGMOID, z), y)), "batched layer");
    }

    @AfterAll
    static void everyOpHasAFiniteDifferenceTest() {
        Set<Op> missing = EnumSet.complementOf(EnumSet.copyOf(TESTED));
        assertTrue(missing.isEmpty(), "ops without a finite-difference test: " + missing);
    }
}
