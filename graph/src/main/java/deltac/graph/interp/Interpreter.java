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
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
     * the last one, so a training step allocates (almost) nothing. Each node's kernel and the places of its
     * arguments are looked up once, when the plan is made. Not thread-safe; the returned {@link Values} are
     * overwritten by the next evaluation.
     */
    public static final class Plan {
        private final List<Node> order;
        private final Map<Node, Integer> slots = new IdentityHashMap<>();
        /** Per node: its op's kernel, or null for a leaf or an op evaluated in a stable composite form. */
        private final KernelOp[] kernels;
        private final int[][] argSlots;
        private final DMatrixRMaj[][] argValues;
        private final List<Input> inputs = new ArrayList<>();
        private Values values;

        private Plan(List<Node> order) {
            this.order = order;
            kernels = new KernelOp[order.size()];
            argSlots = new int[order.size()][];
            argValues = new DMatrixRMaj[order.size()][];
            for (int i = 0; i < order.size(); i++) {
                Node node = order.get(i);
                slots.put(node, i);
                if (node instanceof Input input) {
                    inputs.add(input);
                } else if (node instanceof Apply a) {
                    // in topological order, every argument already has its slot
                    argSlots[i] = a.args().stream().mapToInt(slots::get).toArray();
                    argValues[i] = new DMatrixRMaj[a.args().size()];
                    kernels[i] = composite(a) ? null : KernelOp.valueOf(a.op().name());
                }
            }
        }

        public Values evaluate(Map<String, DMatrixRMaj> bindings) {
            int batch = batchSize(inputs, bindings);
            if (values == null || values.batch() != batch) {
                values = new Values(slots, batch);
            }
            for (int i = 0; i < order.size(); i++) {
                Node node = order.get(i);
                DMatrixRMaj reuse = values.at(i);
                if (node instanceof Apply a) {
                    DMatrixRMaj out = reuse != null ? reuse : new DMatrixRMaj(1, 1);
                    if (kernels[i] != null) {
                        DMatrixRMaj[] args = argValues[i];
                        for (int k = 0; k < args.length; k++) {
                            args[k] = values.at(argSlots[i][k]);
                        }
                        kernels[i].apply(a.attr(), args, out);
                    } else {
                        applyComposite(a, values, out);
                    }
                    values.put(i, checkedShape(a, out, batch));
                } else {
                    values.put(i, leaf(node, bindings, values, reuse));
                }
            }
            return values;
        }

        /** The first node, in evaluation order, whose value has a NaN or an infinity; null if none. */
        public Node firstNonFinite() {
            for (int i = 0; i < order.size(); i++) {
                DMatrixRMaj v = values.at(i);
                if (v != null) {
                    for (int k = 0; k < v.getNumElements(); k++) {
                        if (!Double.isFinite(v.data[k])) {
                            return order.get(i);
                        }
                    }
                }
            }
            return null;
        }
    }

    private static int batchSize(List<Input> inputs, Map<String, DMatrixRMaj> bindings) {
        int batch = -1;
        for (Input input : inputs) {
            DMatrixRMaj value = bound(input.name(), bindings);
            if (batch >= 0 && value.numCols != batch) {
                throw new IllegalArgumentException(input.name() + " has " + value.numCols
                        + " columns but the batch has " + batch);
            }
            batch = value.numCols;
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

    private static DMatrixRMaj leaf(Node node, Map<String, DMatrixRMaj> bindings, Values values, DMatrixRMaj reuse) {
        if (node instanceof Input input) {
            return checked(input.name(), input.shape(), bound(input.name(), bindings), values.batch());
        }
        if (node instanceof Param param) {
            return checked(param.name(), param.shape(), bound(param.name(), bindings), values.batch());
        }
        Const c = (Const) node;
        if (reuse != null) {
            return reuse; // filled when the batch size was last set, and never written since
        }
        DMatrixRMaj m = new DMatrixRMaj(c.shape().rows(values.batch()), c.shape().cols(values.batch()));
        m.fill(c.value());
        return m;
    }

    private static DMatrixRMaj checkedShape(Apply apply, DMatrixRMaj out, int batch) {
        Shape shape = apply.shape();
        if (out.numRows != shape.rows(batch) || out.numCols != shape.cols(batch)) {
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

    /** Ops evaluated through a stable form of their argument's op rather than their own kernel. */
    private static boolean composite(Apply a) {
        return switch (a.op()) {
            case LOG -> is(a.arg(0), Op.SOFTMAX) || is(a.arg(0), Op.SIGMOID);
            case CROSS_ENTROPY -> is(a.arg(0), Op.SOFTMAX);
            case BINARY_CROSS_ENTROPY -> is(a.arg(0), Op.SIGMOID);
            default -> false;
        };
    }

    private static boolean is(Node node, Op op) {
        return node instanceof Apply a && a.op() == op;
    }

    /**
     * crossEntropy(softmax(z), y) from z, binaryCrossEntropy(sigmoid(z), y) through softplus, log(softmax(z)) as
     * log-softmax and log(sigmoid(z)) as −softplus(−z): finite where the naive forms are −∞.
     */
    private static void applyComposite(Apply a, Values values, DMatrixRMaj out) {
        DMatrixRMaj z = values.get(((Apply) a.arg(0)).arg(0));
        switch (a.op()) {
            case CROSS_ENTROPY -> scalar(out, Kernels64.crossEntropyOfSoftmax(z, values.get(a.arg(1))));
            case BINARY_CROSS_ENTROPY -> scalar(out, Kernels64.binaryCrossEntropyOfSigmoid(z, values.get(a.arg(1))));
            default -> {
                if (is(a.arg(0), Op.SOFTMAX)) {
                    Kernels64.logSoftmax(z, out);
                } else {
                    Kernels64.map(z, v -> -Kernels64.softplus(-v), out);
                }
            }
        }
    }

    private static void scalar(DMatrixRMaj out, double value) {
        out.reshape(1, 1);
        out.set(0, value);
    }
}
