package deltac.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deltac.graph.Apply;
import deltac.graph.Const;
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
import deltac.graph.interp.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differentiates a derivation: the gradient of C is a graph of the same IR, so reverse mode applied to
 * {@code L2 = Σ_P sum(∂C/∂P ⊙ V_P)} (the V_P new parameters holding a direction v) gives ∂L2/∂P = H v, the
 * Hessian-vector product. It must equal central differences of the gradients, (∇C(θ + h v) − ∇C(θ − h v)) / 2h,
 * evaluated by the interpreter (Richardson-extrapolated, so that the step's truncation error is O(h⁴)).
 * Also: ∂L2/∂V_P = ∂C/∂P, the unsimplified second derivation agrees with the simplified one, and the Hessian is
 * symmetric (wᵀ H v = vᵀ H w).
 */
class HessianVectorProductTest {
    static final double TOLERANCE = 1e-5;
    static final double STEP = 1e-3;

    /** Re-applies a derivation's nodes, made by another builder, in this one. */
    static final class Rebuild {
        private Rebuild() {}

        /**
         * Re-applies every node the roots depend on, node by node in topological order, in {@code into}: a leaf
         * becomes the leaf {@code into} declares under its name (declared here when it is not yet), a constant
         * and an application are rebuilt from the rebuilt arguments. Returns old node → new node.
         */
        static Map<Node, Node> into(GraphBuilder into, List<Node> roots) throws ShapeException {
            Map<Node, Node> rebuilt = new IdentityHashMap<>();
            for (Node node : Graph.topologicalOrder(roots)) {
                Node copy;
                if (node instanceof Input input) {
                    copy = into.declared(input.name());
                    if (copy == null) {
                        if (input.shape().cols() != Shape.N) {
                            throw new IllegalArgumentException("cannot declare input " + input.name() + " of "
                                    + input.shape());
                        }
                        copy = input.isTarget() ? into.target(input.name(), input.shape().rows())
                                : into.input(input.name(), input.shape().rows());
                    }
                } else if (node instanceof Param param) {
                    copy = into.declared(param.name());
                    if (copy == null) {
                        copy = into.param(param.name(), param.shape(), param.init());
                    }
                } else if (node instanceof Const c) {
                    copy = into.constant(c.value(), c.shape());
                } else {
                    Apply a = (Apply) node;
                    Node[] args = a.args().stream().map(rebuilt::get).toArray(Node[]::new);
                    copy = into.apply(a.op(), a.attr(), args);
                }
                if (!copy.shape().equals(node.shape())) {
                    throw new IllegalArgumentException(node + " is " + node.shape() + " but its name is " + copy.shape());
                }
                rebuilt.put(node, copy);
            }
            return rebuilt;
        }
    }

    /** The graph of L2 = Σ_P sum(∂C/∂P ⊙ V_P), with the direction parameter of each P. */
    record SecondOrder(Graph graph, Map<Param, Param> directions) {
        static final String PREFIX = "v_";

        static SecondOrder of(Derivation d) throws ShapeException {
            Graph graph = d.graph();
            GraphBuilder b = new GraphBuilder(graph.name() + "Hvp", "directional derivative of " + graph.name());
            List<Node> roots = new ArrayList<>(graph.inputs());
            roots.addAll(graph.params()); // declared first and in order, as the forward graph has them
            roots.addAll(d.roots());
            Map<Node, Node> rebuilt = Rebuild.into(b, roots);
            Map<Param, Param> directions = new LinkedHashMap<>();
            Node loss = null;
            for (Derivation.Gradient g : d.gradients()) {
                Param v = b.param(PREFIX + g.param().name(), g.param().shape(), Init.zeros());
                directions.put(g.param(), v);
                Node term = b.apply(Op.SUM, b.apply(Op.HADAMARD, rebuilt.get(g.value()), v));
                loss = loss == null ? term : b.apply(Op.ADD, loss, term);
            }
            return new SecondOrder(b.build(loss), directions);
        }

        /** The bindings with each direction parameter bound to its entry of {@code v}. */
        Map<String, DMatrixRMaj> bind(Map<String, DMatrixRMaj> bindings, Map<Param, DMatrixRMaj> v) {
            Map<String, DMatrixRMaj> all = new HashMap<>(bindings);
            directions.forEach((p, vp) -> all.put(vp.name(), v.get(p)));
            return all;
        }
    }

    /** H v per parameter, from the derivation of the second-order graph. */
    static Map<Param, DMatrixRMaj> hessianTimes(SecondOrder second, Derivation d2, Map<String, DMatrixRMaj> bindings,
                                                Map<Param, DMatrixRMaj> v) {
        Values values = Interpreter.evaluate(d2.roots(), second.bind(bindings, v));
        Map<Param, DMatrixRMaj> hv = new LinkedHashMap<>();
        for (Param p : second.directions().keySet()) {
            hv.put(p, values.get(d2.gradient(p.name())));
        }
        return hv;
    }

    /** The gradients of C at θ + t v, by the interpreter. */
    static Map<Param, DMatrixRMaj> gradientsAt(Derivation d, Map<String, DMatrixRMaj> bindings,
                                               Map<Param, DMatrixRMaj> v, double t) {
        Map<String, DMatrixRMaj> moved = new HashMap<>(bindings);
        for (Param p : d.graph().params()) {
            DMatrixRMaj m = bindings.get(p.name()).copy();
            DMatrixRMaj dir = v.get(p);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] += t * dir.data[i];
            }
            moved.put(p.name(), m);
        }
        Values values = Interpreter.evaluate(d.roots(), moved);
        Map<Param, DMatrixRMaj> gradients = new LinkedHashMap<>();
        for (Derivation.Gradient g : d.gradients()) {
            gradients.put(g.param(), values.get(g.value()));
        }
        return gradients;
    }

    /** H v by differences of the gradients: central at h and h/2, Richardson-extrapolated. */
    static Map<Param, DMatrixRMaj> finiteDifferences(Derivation d, Map<String, DMatrixRMaj> bindings,
                                                     Map<Param, DMatrixRMaj> v, double h) {
        Map<Param, DMatrixRMaj> coarse = central(d, bindings, v, h);
        Map<Param, DMatrixRMaj> fine = central(d, bindings, v, h / 2);
        Map<Param, DMatrixRMaj> result = new LinkedHashMap<>();
        coarse.forEach((p, c) -> {
            DMatrixRMaj f = fine.get(p);
            DMatrixRMaj r = new DMatrixRMaj(c.numRows, c.numCols);
            for (int i = 0; i < r.data.length; i++) {
                r.data[i] = (4 * f.data[i] - c.data[i]) / 3;
            }
            result.put(p, r);
        });
        return result;
    }

    private static Map<Param, DMatrixRMaj> central(Derivation d, Map<String, DMatrixRMaj> bindings,
                                                   Map<Param, DMatrixRMaj> v, double h) {
        Map<Param, DMatrixRMaj> up = gradientsAt(d, bindings, v, h);
        Map<Param, DMatrixRMaj> down = gradientsAt(d, bindings, v, -h);
        Map<Param, DMatrixRMaj> result = new LinkedHashMap<>();
        up.forEach((p, u) -> {
            DMatrixRMaj w = down.get(p);
            DMatrixRMaj r = new DMatrixRMaj(u.numRows, u.numCols);
            for (int i = 0; i < r.data.length; i++) {
                r.data[i] = (u.data[i] - w.data[i]) / (2 * h);
            }
            result.put(p, r);
        });
        return result;
    }

    /**
     * The worst relative error between two per-parameter values, each entry against the larger of the two, with a
     * floor at {@code floor} times the largest entry of the whole vector (an entry that is 0 by structure is only
     * known to the rounding of the others). Returns a description of the worst entry when it exceeds
     * {@code tolerance}, else null.
     */
    static String compare(Map<Param, DMatrixRMaj> a, Map<Param, DMatrixRMaj> b, double tolerance, double floor) {
        String where = worst(a, b, floor);
        return lastWorst > tolerance || Double.isNaN(lastWorst) ? where : null;
    }

    /** The worst relative error of the last {@link #worst} call. */
    private static double lastWorst;

    /** Describes the worst entry (see {@link #compare}), and sets {@link #lastWorst}. */
    static String worst(Map<Param, DMatrixRMaj> a, Map<Param, DMatrixRMaj> b, double floor) {
        double scale = 0;
        for (Param p : a.keySet()) {
            for (int i = 0; i < a.get(p).data.length; i++) {
                scale = Math.max(scale, Math.max(Math.abs(a.get(p).data[i]), Math.abs(b.get(p).data[i])));
            }
        }
        double worst = 0;
        String where = null;
        for (Param p : a.keySet()) {
            DMatrixRMaj x = a.get(p);
            DMatrixRMaj y = b.get(p);
            for (int i = 0; i < x.data.length; i++) {
                double error = Math.abs(x.data[i] - y.data[i])
                        / Math.max(Math.max(Math.abs(x.data[i]), Math.abs(y.data[i])), Math.max(floor * scale, 1e-300));
                if (!(error <= worst)) {
                    worst = error;
                    where = p.name() + "[" + i + "]: " + x.data[i] + " vs " + y.data[i] + " (relative error " + error + ")";
                }
            }
        }
        lastWorst = worst;
        return where;
    }

    static double dot(Map<Param, DMatrixRMaj> a, Map<Param, DMatrixRMaj> b) {
        double sum = 0;
        for (Param p : a.keySet()) {
            for (int i = 0; i < a.get(p).data.length; i++) {
                sum += a.get(p).data[i] * b.get(p).data[i];
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the nets

    /** A small net with its bindings. */
    record Net(String name, Graph graph, Map<String, DMatrixRMaj> bindings, Random rng) {}

    enum Kind { TANH_SOFTMAX_CROSS_ENTROPY, SIGMOID_MSE, SIGMOID_BCE_WEIGHT_DECAY, LEAKY_RELU_LOG_SOFTMAX }

    static Net net(Kind kind, int batch, long seed) throws ShapeException {
        Random rng = new Random(seed);
        GraphBuilder b = new GraphBuilder(kind.name(), "HessianVectorProductTest");
        int in = 3;
        int hidden = 4;
        int out = 2;
        Input x = b.input("x", in);
        Input y = b.target("y", out);
        Param w1 = b.param("W1", Shape.of(hidden, in), Init.glorot());
        Param b1 = b.param("b1", Shape.of(hidden, 1), Init.zeros());
        Param w2 = b.param("W2", Shape.of(out, hidden), Init.glorot());
        Param b2 = b.param("b2", Shape.of(out, 1), Init.zeros());
        Node z1 = b.apply(Op.ADD, b.apply(Op.MATMUL, w1, x), b1);
        b.name("z1", z1);
        Node a1 = switch (kind) {
            case TANH_SOFTMAX_CROSS_ENTROPY -> b.apply(Op.TANH, z1);
            case LEAKY_RELU_LOG_SOFTMAX -> b.apply(Op.LEAKY_RELU, 0.1, z1);
            default -> b.apply(Op.SIGMOID, z1);
        };
        b.name("a1", a1);
        Node z2 = b.apply(Op.ADD, b.apply(Op.MATMUL, w2, a1), b2);
        b.name("z2", z2);
        Node loss = switch (kind) {
            case TANH_SOFTMAX_CROSS_ENTROPY -> b.apply(Op.CROSS_ENTROPY, b.apply(Op.SOFTMAX, z2), y);
            case SIGMOID_MSE -> b.apply(Op.MSE, b.apply(Op.SIGMOID, z2), y);
            case SIGMOID_BCE_WEIGHT_DECAY -> b.apply(Op.ADD, b.apply(Op.BINARY_CROSS_ENTROPY, b.apply(Op.SIGMOID, z2), y),
                    b.apply(Op.SCALE, b.constant(1e-2), b.apply(Op.ADD, b.apply(Op.SUM, b.apply(Op.SQUARE, w1)),
                            b.apply(Op.SUM, b.apply(Op.SQUARE, w2)))));
            // −mean of the log-probabilities of the targets: a cross-entropy written by hand
            case LEAKY_RELU_LOG_SOFTMAX -> b.apply(Op.NEG, b.apply(Op.MEAN,
                    b.apply(Op.HADAMARD, b.apply(Op.LOG_SOFTMAX, z2), y)));
        };
        Graph graph = b.build(loss);

        Map<String, DMatrixRMaj> bindings = new HashMap<>();
        FiniteDifferences.bindParams(graph, bindings, () -> rng.nextGaussian());
        DMatrixRMaj xs = new DMatrixRMaj(in, batch);
        for (int i = 0; i < xs.data.length; i++) {
            xs.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj ys = new DMatrixRMaj(out, batch);
        for (int j = 0; j < batch; j++) {
            if (kind == Kind.TANH_SOFTMAX_CROSS_ENTROPY || kind == Kind.LEAKY_RELU_LOG_SOFTMAX) {
                ys.set(rng.nextInt(out), j, 1); // one-hot
            } else {
                for (int i = 0; i < out; i++) {
                    ys.set(i, j, rng.nextDouble());
                }
            }
        }
        bindings.put("x", xs);
        bindings.put("y", ys);
        if (kind == Kind.LEAKY_RELU_LOG_SOFTMAX) {
            // keep every pre-activation away from leakyRelu's kink, where the Hessian does not exist
            DMatrixRMaj z = Interpreter.evaluate(List.of(z1), bindings).get(z1);
            for (double v : z.data) {
                if (Math.abs(v) < 0.05) {
                    return net(kind, batch, seed + 1000);
                }
            }
        }
        return new Net(kind + " n=" + batch + " seed " + seed, graph, bindings, rng);
    }

    static Map<Param, DMatrixRMaj> direction(Graph graph, Random rng) {
        Map<Param, DMatrixRMaj> v = new LinkedHashMap<>();
        for (Param p : graph.params()) {
            DMatrixRMaj m = new DMatrixRMaj(p.shape().rows(), p.shape().cols());
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = rng.nextGaussian();
            }
            v.put(p, m);
        }
        return v;
    }

    static Stream<Arguments> nets() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (Kind kind : Kind.values()) {
            for (int batch : new int[] {1, 3, 5}) {
                cases.add(Arguments.of(kind, batch, seed++));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} n={1} seed {2}")
    @MethodSource("nets")
    void hessianVectorProductsEqualDifferencesOfGradients(Kind kind, int batch, long seed) throws ShapeException {
        Net net = net(kind, batch, seed);
        Derivation d = Autodiff.derive(net.graph());
        SecondOrder second = SecondOrder.of(d);
        Derivation d2 = Autodiff.derive(second.graph());

        Map<Param, DMatrixRMaj> v = direction(net.graph(), net.rng());
        Map<Param, DMatrixRMaj> hv = hessianTimes(second, d2, net.bindings(), v);
        Map<Param, DMatrixRMaj> numeric = finiteDifferences(d, net.bindings(), v, STEP);
        String bad = compare(hv, numeric, TOLERANCE, 1e-6);
        if (bad != null) {
            fail(net.name() + ": H v differs from the differences of the gradients at " + bad);
        }
        System.out.printf("%s: H v against differences of gradients, worst relative error %.2g%n", net.name(),
                lastWorst);

        // the direction parameters' own gradients are the first derivation's gradients
        Values first = Interpreter.evaluate(d.roots(), net.bindings());
        Values direct = Interpreter.evaluate(d2.roots(), second.bind(net.bindings(), v));
        Map<Param, DMatrixRMaj> g1 = new LinkedHashMap<>();
        Map<Param, DMatrixRMaj> g2 = new LinkedHashMap<>();
        second.directions().forEach((p, vp) -> {
            g1.put(p, first.get(d.gradient(p.name())));
            g2.put(p, direct.get(d2.gradient(vp.name())));
        });
        assertEquals(null, compare(g2, g1, 1e-12, 1e-12), net.name() + ": ∂L2/∂V_P is not ∂C/∂P");

        // the second derivation without simplification, and the second-order graph of the unsimplified gradient
        Derivation raw2 = Autodiff.derive(second.graph(), List.of());
        assertEquals(null, compare(hessianTimes(second, raw2, net.bindings(), v), hv, 1e-9, 1e-9),
                net.name() + ": the unsimplified second derivation differs");
        SecondOrder rawSecond = SecondOrder.of(Autodiff.derive(net.graph(), List.of()));
        assertEquals(null, compare(hessianTimes(rawSecond, Autodiff.derive(rawSecond.graph()), net.bindings(), v), hv,
                1e-9, 1e-9), net.name() + ": H v through the unsimplified first derivation differs");

        // the Hessian is symmetric: wᵀ (H v) = vᵀ (H w)
        Map<Param, DMatrixRMaj> w = direction(net.graph(), net.rng());
        Map<Param, DMatrixRMaj> hw = hessianTimes(second, d2, net.bindings(), w);
        assertTrue(compare(hw, numeric, TOLERANCE, 1e-6) != null,
                net.name() + ": the comparison cannot tell H w from H v"); // the check can fail
        double wHv = dot(w, hv);
        double vHw = dot(v, hw);
        assertTrue(Math.abs(wHv - vHw) <= 1e-9 * Math.max(Math.abs(wHv), Math.abs(vHw)) + 1e-12,
                net.name() + ": wᵀHv = " + wHv + " but vᵀHw = " + vHw);
    }

    /** The derivation of a derivation differentiates the ops only gradients use: σ′, tanh′, the column count. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("primes")
    void secondOrderGraphsUseTheDerivativeOps(Kind kind, Op op) throws ShapeException {
        Net net = net(kind, 3, 99);
        SecondOrder second = SecondOrder.of(Autodiff.derive(net.graph()));
        assertTrue(second.graph().topologicalOrder().stream().anyMatch(n -> n instanceof Apply a && a.op() == op),
                kind + ": the second-order graph has no " + op);
    }

    static Stream<Arguments> primes() {
        return Stream.of(Arguments.of(Kind.TANH_SOFTMAX_CROSS_ENTROPY, Op.TANH_PRIME),
                Arguments.of(Kind.SIGMOID_MSE, Op.SIGMOID_PRIME),
                Arguments.of(Kind.SIGMOID_BCE_WEIGHT_DECAY, Op.SIGMOID_PRIME),
                Arguments.of(Kind.LEAKY_RELU_LOG_SOFTMAX, Op.LEAKY_RELU_PRIME),
                Arguments.of(Kind.TANH_SOFTMAX_CROSS_ENTROPY, Op.COLS));
    }
}
