package deltac.graph.interp;

import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.runtime.kernels.Kernels64;
import deltac.runtime.kernels.KernelOp;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Evaluates nodes in float64. Leaves are bound by name; the batch size {@code n} is read off the bound inputs.
 *
 * <pre>{@code
 * Values v = Interpreter.evaluate(graph, Map.of("x", x, "y", y, "W1", w1, ...));
 * double loss = v.scalar(graph.loss());
 * }</pre>
 *
 * Numerically stable where the composition allows it: {@code crossEntropy(softmax(z), y)} and
 * {@code log(softmax(z))} go through log-softmax of {@code z}, {@code binaryCrossEntropy(sigmoid(z), y)}
 * through softplus, so extreme logits give finite values.
 */
public final class Interpreter {
    private Interpreter() {}

    /** Evaluates a graph's loss and locals. */
    public static Values evaluate(Graph graph, Map<String, DMatrixRMaj> bindings) {
        List<Node> roots = new java.util.ArrayList<>(graph.locals().values());
        roots.add(graph.loss());
        return evaluate(roots, bindings);
    }

    /** Evaluates the roots and everything they depend on. Every leaf they reach must be bound, with its shape. */
    public static Values evaluate(List<Node> roots, Map<String, DMatrixRMaj> bindings) {
        return plan(roots).evaluate(bindings);
    }

    /** An evaluation order fixed once, for evaluating the same nodes again and again. */
    public static Plan plan(List<Node> roots) {
        return new Plan(Graph.topologicalOrder(roots));
    }

    /**
     * The same nodes evaluated again and again: each evaluation at the same batch size reuses the matrices of
     * the last one, so a training step allocates (almost) nothing. Not thread-safe; the returned
     * {@link Values} are overwritten by the next evaluation.
     */
    public static final class Plan {
        private final List<Node> order;
        private Values values;

        private Plan(List<Node> order) {
            this.order = order;
        }

        public Values evaluate(Map<String, DMatrixRMaj> bindings) {
            int batch = batchSize(order, bindings);
            if (values == null || values.batch() != batch) {
                values = new Values(batch);
            }
            for (Node node : order) {
                values.put(node, value(node, bindings, values, values.find(node)));
            }
            return values;
        }

        /** The first node, in evaluation order, whose value has a NaN or an infinity; null if none. */
        public Node firstNonFinite() {
            for (Node node : order) {
                DMatrixRMaj v = values.find(node);
                if (v != null) {
                    for (int i = 0; i < v.getNumElements(); i++) {
                        if (!Double.isFinite(v.data[i])) {
                            return node;
                        }
                    }
                }
            }
            return null;
        }
    }

    private static int batchSize(List<Node> order, Map<String, DMatrixRMaj> bindings) {
        int batch = -1;
        for (Node node : order) {
            if (node instanceof Input input) {
                DMatrixRMaj value = bound(input.name(), bindings);
                if (batch >= 0 && value.numCols != batch) {
                    throw new IllegalArgumentException(input.name() + " has " + value.numCols
                            + " columns but the batch has " + batch);
                }
                batch = value.numCols;
            }
        }
        return batch < 0 ? 1 : batch;
    }

    private static DMatrixRMaj bound(String name, Map<String, DMatrixRMaj> bindings) {
        DMatrixRMaj value = bindings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value bound to " + name);
        }
        return value;
    }

    private static DMatrixRMaj value(Node node, Map<String, DMatrixRMaj> bindings, Values values, DMatrixRMaj reuse) {
        if (node instanceof Input input) {
            return checked(input.name(), input.shape(), bound(input.name(), bindings), values.batch());
        }
        if (node instanceof Param param) {
            return checked(param.name(), param.shape(), bound(param.name(), bindings), values.batch());
        }
        if (node instanceof Const c) {
            if (reuse != null) {
                return reuse; // filled when the batch size was last set, and never written since
            }
            DMatrixRMaj m = new DMatrixRMaj(c.shape().rows(values.batch()), c.shape().cols(values.batch()));
            m.fill(c.value());
            return m;
        }
        Apply apply = (Apply) node;
        DMatrixRMaj out = reuse != null ? reuse : new DMatrixRMaj(1, 1);
        apply(apply, values, out);
        Shape shape = apply.shape();
        if (out.numRows != shape.rows(values.batch()) || out.numCols != shape.cols(values.batch())) {
            throw new IllegalStateException(apply.op() + " gave " + out.numRows + "×" + out.numCols
                    + ", its shape rule says " + shape);
        }
        return out;
    }

    private static DMatrixRMaj checked(String name, Shape shape, DMatrixRMaj value, int batch) {
        if (value.numRows != shape.rows(batch) || value.numCols != shape.cols(batch)) {
            throw new IllegalArgumentException(name + " is " + shape + " but the value bound to it is "
                    + value.numRows + "×" + value.numCols);
        }
        return value;
    }

    private static void apply(Apply a, Values values, DMatrixRMaj out) {
        DMatrixRMaj y = a.args().size() > 1 ? values.get(a.arg(1)) : null;
        switch (a.op()) {
            case LOG -> log(a, values, out);
            case CROSS_ENTROPY -> {
                if (a.arg(0) instanceof Apply p && p.op() == Op.SOFTMAX) {
                    scalar(out, Kernels64.crossEntropyOfSoftmax(values.get(p.arg(0)), y));
                } else {
                    generic(a, values, out);
                }
            }
            case BINARY_CROSS_ENTROPY -> {
                if (a.arg(0) instanceof Apply p && p.op() == Op.SIGMOID) {
                    scalar(out, Kernels64.binaryCrossEntropyOfSigmoid(values.get(p.arg(0)), y));
                } else {
                    generic(a, values, out);
                }
            }
            default -> generic(a, values, out);
        }
    }

    /** The op's kernel on its arguments' values: what every op means, written once, in the runtime. */
    private static void generic(Apply a, Values values, DMatrixRMaj out) {
        DMatrixRMaj[] args = new DMatrixRMaj[a.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(a.arg(i));
        }
        KernelOp.valueOf(a.op().name()).apply(a.attr(), args, out);
    }

    /** log(softmax(z)) as log-softmax and log(sigmoid(z)) as −softplus(−z): finite where the naive form is −∞. */
    private static void log(Apply a, Values values, DMatrixRMaj out) {
        if (a.arg(0) instanceof Apply inner && inner.op() == Op.SOFTMAX) {
            Kernels64.logSoftmax(values.get(inner.arg(0)), out);
        } else if (a.arg(0) instanceof Apply inner && inner.op() == Op.SIGMOID) {
            Kernels64.map(values.get(inner.arg(0)), v -> -Kernels64.softplus(-v), out);
        } else {
            generic(a, values, out);
        }
    }

    private static void scalar(DMatrixRMaj out, double value) {
        out.reshape(1, 1);
        out.set(0, value);
    }
}
