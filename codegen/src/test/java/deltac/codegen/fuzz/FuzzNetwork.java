package deltac.codegen.fuzz;

import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Init;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import deltac.graph.interp.Interpreter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * A seeded random network, well typed and inside every op's domain, ending in a scalar loss.
 *
 * <p>The generator keeps a pool of per-sample values ({@code r×n}) and applies 2–9 random steps to it: an affine
 * map (W x + b, or Wᵀ x, or (xᵀ M)ᵀ with the batch on the rows), a sum or difference with another value, a column,
 * a row or a scalar, a scaling by a constant, a scalar parameter or the batch size n, a quotient by a positive
 * value, a Hadamard product, an element-wise function, a softmax, or a reduction broadcast back (sumRows, sumCols).
 * log and sqrt only see values positive by construction (exp, sigmoid, softmax, x² + 1); every new value is also
 * evaluated on the widest batch ({@link #WIDEST} columns) and refused if it is not finite or grows too large (a
 * refused step is simply not taken). The pool's values are then reduced to one of the {@link #LOSSES}, to which a
 * penalty on a parameter (c · sum(P²), c · mean(|P|)) is sometimes added.
 *
 * <p>Every number (parameters and feeds) is a float, so that float32 and float64 trainers see the same data;
 * {@link #data} holds each parameter and feed on {@link #WIDEST} columns, and a batch of n uses the first n.
 *
 * @param graph the network
 * @param loss which of {@link #LOSSES} it ends in
 * @param data every parameter's value, and every feed on {@link #WIDEST} columns
 */
record FuzzNetwork(long seed, Graph graph, String loss, Map<String, DMatrixRMaj> data) {

    /** The widest batch a network is run at; the data of a narrower one are the first columns. */
    static final int WIDEST = 130;

    static final List<String> LOSSES = List.of("mse", "crossEntropy(softmax)", "binaryCrossEntropy(sigmoid)",
            "binaryCrossEntropy(probabilities)", "-sum(y ⊙ logSoftmax(z)) / n", "mean(square(z - y))",
            "sum(log(sigmoid(z))) / n, no target", "mean(z) + sum(square(z)), no target");

    /** The forward ops a campaign must cover (the primes and cols are the derivation's and n's). */
    static final Set<Op> FORWARD = EnumSet.complementOf(EnumSet.of(Op.MATMUL_TN, Op.MATMUL_NT, Op.SIGMOID_PRIME,
            Op.TANH_PRIME, Op.RELU_PRIME, Op.LEAKY_RELU_PRIME, Op.SIGN));

    /** The ops of the graph, as built (before any rewriting). */
    Set<Op> ops() {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        for (Node node : graph.topologicalOrder()) {
            if (node instanceof Apply a) {
                ops.add(a.op());
            }
        }
        return ops;
    }

    /**
     * A network built by hand with seeded data: parameters N(0, 0.5²), inputs uniform in (−1, 1), targets one-hot
     * columns (a fit for every loss); for the cut-down findings.
     */
    static FuzzNetwork of(Graph graph, long seed) {
        Random rng = new Random(seed);
        Map<String, DMatrixRMaj> data = new HashMap<>();
        for (Param p : graph.params()) {
            DMatrixRMaj m = new DMatrixRMaj(p.shape().rows(), p.shape().cols());
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (float) (rng.nextGaussian() * 0.5);
            }
            data.put(p.name(), m);
        }
        for (Input x : graph.inputs()) {
            DMatrixRMaj m = new DMatrixRMaj(x.shape().rows(), WIDEST);
            for (int j = 0; j < WIDEST; j++) {
                int hot = rng.nextInt(m.numRows);
                for (int i = 0; i < m.numRows; i++) {
                    m.set(i, j, x.isTarget() ? (i == hot ? 1 : 0) : (float) (rng.nextDouble() * 2 - 1));
                }
            }
            data.put(x.name(), m);
        }
        return new FuzzNetwork(seed, graph, "by hand", data);
    }

    static FuzzNetwork generate(long seed) {
        try {
            return new Generator(seed).generate();
        } catch (ShapeException e) {
            throw new AssertionError("seed " + seed + ": the generator built an ill-typed network", e);
        }
    }

    private static final class Generator {
        static final double LIMIT = 30;

        final long seed;
        final Random rng;
        final GraphBuilder b;
        final Map<String, DMatrixRMaj> data = new HashMap<>();
        final List<Node> pool = new ArrayList<>();
        final List<Param> params = new ArrayList<>();
        final List<Input> inputs = new ArrayList<>();
        Input first;
        int names;

        Generator(long seed) {
            this.seed = seed;
            this.rng = new Random(seed * 0x9E3779B97F4A7C15L + 41);
            this.b = new GraphBuilder("Fuzz" + seed, "fuzz seed " + seed);
        }

        int dim() {
            return 1 + rng.nextInt(5);
        }

        double uniform(double lo, double hi) {
            return (float) (lo + (hi - lo) * rng.nextDouble());
        }

        DMatrixRMaj fill(int rows, int cols, java.util.function.DoubleSupplier values) {
            DMatrixRMaj m = new DMatrixRMaj(rows, cols);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (float) values.getAsDouble();
            }
            return m;
        }

        Param param(int rows, int cols, double scale) {
            Param p = b.param("P" + names++, Shape.of(rows, cols), Init.zeros());
            data.put(p.name(), fill(rows, cols, () -> rng.nextGaussian() * scale));
            params.add(p);
            return p;
        }

        Input input(int rows) {
            Input x = b.input("x" + names++, rows);
            inputs.add(x);
            data.put(x.name(), fill(rows, WIDEST, () -> uniform(-1, 1)));
            if (first == null) {
                first = x;
            }
            return x;
        }

        /** A target whose columns are one-hot ({@code oneHot}), 0/1 ({@code binary}), in (0, 1) or any values. */
        Input target(int rows, String kind) {
            Input y = b.target("y" + names++, rows);
            DMatrixRMaj m = new DMatrixRMaj(rows, WIDEST);
            for (int j = 0; j < WIDEST; j++) {
                int hot = rng.nextInt(rows);
                for (int i = 0; i < rows; i++) {
                    m.set(i, j, switch (kind) {
                        case "oneHot" -> i == hot ? 1 : 0;
                        case "binary" -> rng.nextBoolean() ? 1 : 0;
                        case "probability" -> uniform(0.05, 0.95);
                        default -> uniform(-1, 1);
                    });
                }
            }
            data.put(y.name(), m);
            return y;
        }

        Node apply(Op op, Node... args) throws ShapeException {
            return b.apply(op, args);
        }

        Node apply(Op op, double attr, Node... args) throws ShapeException {
            return b.apply(op, attr, args);
        }

        Node constant(double v) {
            return b.constant((float) v);
        }

        Node pick() {
            return rng.nextInt(3) > 0 ? pool.get(pool.size() - 1) : pool.get(rng.nextInt(pool.size()));
        }

        Node pickRows(int rows) {
            List<Node> fits = pool.stream().filter(v -> v.shape().rows() == rows).toList();
            return fits.isEmpty() ? null : fits.get(rng.nextInt(fits.size()));
        }

        Node positiveOf(Node v) throws ShapeException {
            Node p = switch (rng.nextInt(4)) {
                case 0 -> apply(Op.EXP, apply(Op.TANH, v));
                case 1 -> apply(Op.SIGMOID, v);
                case 2 -> v.shape().rows() > 1 ? apply(Op.SOFTMAX, v) : apply(Op.SIGMOID, v);
                default -> apply(Op.ADD, apply(Op.SQUARE, v), constant(1));
            };
            return p;
        }

        /**
         * Whether a value is finite and within ±LIMIT at every batch size a campaign runs (c / n and the reductions
         * over the batch make a value depend on n: checked on the widest batch alone, a chain of them overflowed
         * float32 at n = 1).
         */
        boolean sane(Node v) {
            for (int n : Differential.BATCHES) {
                Map<String, DMatrixRMaj> bindings = new HashMap<>(data);
                for (Input x : inputs) {
                    bindings.put(x.name(), Differential.columns(data.get(x.name()), n));
                }
                DMatrixRMaj m = Interpreter.evaluate(List.of(v), bindings).get(v);
                for (double d : m.data) {
                    if (!(Math.abs(d) <= LIMIT)) {
                        return false;
                    }
                }
            }
            return true;
        }

        Node affine(Node v, int rows) throws ShapeException {
            int r = v.shape().rows();
            return switch (rng.nextInt(4)) {
                case 0 -> apply(Op.MATMUL, apply(Op.TRANSPOSE, param(r, rows, 0.6)), v);                 // Wᵀ v
                case 1 -> apply(Op.TRANSPOSE, apply(Op.MATMUL, apply(Op.TRANSPOSE, v), param(r, rows, 0.6))); // (vᵀ M)ᵀ
                default -> apply(Op.ADD, apply(Op.MATMUL, param(rows, r, 0.6), v), param(rows, 1, 0.3)); // W v + b
            };
        }

        Node step() throws ShapeException {
            Node v = pick();
            int r = v.shape().rows();
            switch (rng.nextInt(17)) {
                case 0, 1:
                    return affine(v, dim());
                case 2: {
                    Node w = pick(r);
                    Node other = switch (rng.nextInt(5)) {
                        case 0 -> param(r, 1, 0.5);                                 // a column
                        case 1 -> constant(uniform(-1, 1));                         // a constant
                        case 2 -> param(1, 1, 0.5);                                 // a scalar parameter
                        case 3 -> r == 1 ? apply(Op.SUM_COLS, pick()) : w;         // a row
                        default -> w;
                    };
                    if (rng.nextBoolean()) {
                        return apply(rng.nextBoolean() ? Op.ADD : Op.SUB, v, other);
                    }
                    return apply(rng.nextBoolean() ? Op.ADD : Op.SUB, other, v);
                }
                case 3: {
                    Node s = switch (rng.nextInt(3)) {
                        case 0 -> constant(uniform(-2, 2));
                        case 1 -> param(1, 1, 0.8);
                        default -> apply(Op.DIVIDE, constant(uniform(1, 8)), apply(Op.COLS, first));  // c / n
                    };
                    return apply(Op.SCALE, s, v);
                }
                case 4: {
                    Node divisor = switch (rng.nextInt(4)) {
                        case 0 -> constant(uniform(0.5, 3));
                        case 1 -> apply(Op.EXP, param(r, 1, 0.5));
                        case 2 -> apply(Op.COLS, first);
                        default -> positiveOf(pick(r));
                    };
                    return apply(Op.DIVIDE, v, divisor);
                }
                case 5:
                    return apply(Op.NEG, v);
                case 6:
                    return apply(Op.HADAMARD, v, pick(r));
                case 7:
                    return apply(rng.nextBoolean() ? Op.SIGMOID : Op.TANH, v);
                case 8:
                    return rng.nextBoolean() ? apply(Op.RELU, v) : apply(Op.LEAKY_RELU, uniform(0.01, 0.3), v);
                case 9:
                    return apply(Op.EXP, rng.nextBoolean() ? v : apply(Op.TANH, v));
                case 10:
                    return apply(Op.LOG, positiveOf(v));
                case 11:
                    return apply(Op.SQUARE, v);
                case 12:
                    return apply(Op.SQRT, positiveOf(v));
                case 13:
                    return apply(Op.ABS, v);
                case 14:
                    return apply(rng.nextBoolean() ? Op.SOFTMAX : Op.LOG_SOFTMAX, v);
                case 15:                                                              // a column from the batch
                    return apply(Op.ADD, pick(r), apply(Op.SCALE, constant(0.1), apply(Op.SUM_ROWS, v)));
                default:                                                              // a row: r = 1
                    return apply(Op.SUM_COLS, v);
            }
        }

        Node pick(int rows) {
            Node w = pickRows(rows);
            return w == null ? pool.get(pool.size() - 1) : w;
        }

        FuzzNetwork generate() throws ShapeException {
            int count = 1 + rng.nextInt(2);
            for (int i = 0; i < count; i++) {
                pool.add(input(dim()));
            }
            int steps = 2 + rng.nextInt(8);
            for (int i = 0; i < steps; i++) {
                Node v;
                try {
                    v = step();
                } catch (ShapeException e) {
                    continue; // a partner of other rows: not a step
                }
                if (v.shape().cols() == Shape.N && sane(v) && !pool.contains(v)) {
                    pool.add(v);
                    if (rng.nextInt(4) == 0) {
                        b.name("v" + names++, v);
                    }
                }
            }
            Node z = pool.get(pool.size() - 1);
            String kind = LOSSES.get(rng.nextInt(LOSSES.size()));
            int k = 1 + rng.nextInt(4);
            Node loss = switch (kind) {
                case "mse" -> apply(Op.MSE, affine(z, k), target(k, "values"));
                case "crossEntropy(softmax)" -> apply(Op.CROSS_ENTROPY, apply(Op.SOFTMAX, affine(z, k + 1)),
                        target(k + 1, "oneHot"));
                case "binaryCrossEntropy(sigmoid)" -> apply(Op.BINARY_CROSS_ENTROPY, apply(Op.SIGMOID, affine(z, k)),
                        target(k, rng.nextBoolean() ? "binary" : "probability"));
                // logits in (−1, 1): no probability within float32's reach of 0 or 1, where log(1 − p) is −∞
                case "binaryCrossEntropy(probabilities)" -> apply(Op.BINARY_CROSS_ENTROPY,
                        apply(Op.SOFTMAX, apply(Op.TANH, affine(z, k + 1))), target(k + 1, "probability"));
                case "-sum(y ⊙ logSoftmax(z)) / n" -> apply(Op.DIVIDE, apply(Op.NEG, apply(Op.SUM,
                        apply(Op.HADAMARD, target(k + 1, "oneHot"), apply(Op.LOG_SOFTMAX, affine(z, k + 1))))),
                        apply(Op.COLS, first));
                case "mean(square(z - y))" -> apply(Op.MEAN, apply(Op.SQUARE,
                        apply(Op.SUB, affine(z, k), target(k, "values"))));
                case "sum(log(sigmoid(z))) / n, no target" -> apply(Op.DIVIDE,
                        apply(Op.SUM, apply(Op.LOG, apply(Op.SIGMOID, affine(z, k)))), apply(Op.COLS, first));
                default -> apply(Op.ADD, apply(Op.MEAN, z), apply(Op.SCALE, constant(0.01), apply(Op.SUM,
                        apply(Op.SQUARE, affine(z, k)))));
            };
            if (rng.nextInt(3) == 0 && !params.isEmpty()) {
                Param p = params.get(rng.nextInt(params.size()));
                Node penalty = rng.nextBoolean() ? apply(Op.SUM, apply(Op.SQUARE, p)) : apply(Op.MEAN, apply(Op.ABS, p));
                loss = apply(Op.ADD, loss, apply(Op.SCALE, constant(0.01), penalty));
            }
            Graph graph = b.build(loss);
            // feeds the loss does not reach are not the trainer's: drop them
            return new FuzzNetwork(seed, graph, kind, data);
        }
    }
}
