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
import deltac.runtime.kernels.Products32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
        List<Node> roots = new ArrayList<>(graph.locals().values());
        roots.add(graph.loss());
        return evaluate(roots, bindings);
    }

    /** Evaluates the roots and everything they depend on. Every leaf they reach must be bound, with its shape. */
    public static Values evaluate(List<Node> roots, Map<String, DMatrixRMaj> bindings) {
        return plan(roots, bindings).evaluate();
    }

    /**
     * An evaluation order fixed once, for evaluating the same nodes again and again, with every leaf bound to one
     * of {@code bindings}' matrices: the caller changes their contents (and the inputs' column count, the batch
     * size) between evaluations, not the matrices.
     */
    public static Plan plan(List<Node> roots, Map<String, DMatrixRMaj> bindings) {
        return plan(roots, bindings, false);
    }

    /**
     * A plan whose products, when {@code float32Products}, are computed in float32 ({@link Products32}): for a
     * float32 trainer, whose values are floats to begin with. Everything else stays float64.
     */
    public static Plan plan(List<Node> roots, Map<String, DMatrixRMaj> bindings, boolean float32Products) {
        return new Plan(Graph.topologicalOrder(roots), bindings, float32Products);
    }

    /**
     * The same nodes evaluated again and again: each evaluation at the same batch size reuses the matrices of
     * the last one, so a training step allocates nothing. Each node's kernel, argument matrices and leaf bindings
     * are looked up once; shapes are checked when the batch size changes (a kernel's output shape depends on
     * nothing else). Not thread-safe; the returned {@link Values} are overwritten by the next evaluation.
     */
    public static final class Plan {
        private final List<Node> order;
        private final Map<Node, Integer> slots = new IdentityHashMap<>();
        /** Per node: its op's kernel, or null for a leaf or an op evaluated in a stable composite form. */
        private final KernelOp[] kernels;
        /** Per node: its product in float32, when the plan computes products so and the node is one. */
        private final Products32[] products32;
        /** Per node: whether it is a product computed in float32 at the current batch size. */
        private final boolean[] narrowed;
        private final Apply[] applies;
        /** Per node: whether its value depends on nothing but constants and the batch size (1/n, say). */
        private final boolean[] perBatch;
        private final int[][] argSlots;
        private final DMatrixRMaj[][] argValues;
        /** Per node: the matrix bound to it if it is an input or a parameter. */
        private final DMatrixRMaj[] bound;
        private final int[] boundSlots;
        private final Shape[] boundShapes;
        private final List<DMatrixRMaj> inputs = new ArrayList<>();
        private final List<String> inputNames = new ArrayList<>();
        private Values values;

        private Plan(List<Node> order, Map<String, DMatrixRMaj> bindings, boolean float32Products) {
            this.order = order;
            int size = order.size();
            kernels = new KernelOp[size];
            products32 = new Products32[size];
            narrowed = new boolean[size];
            applies = new Apply[size];
            argSlots = new int[size][];
            argValues = new DMatrixRMaj[size][];
            bound = new DMatrixRMaj[size];
            perBatch = new boolean[size];
            for (int i = 0; i < size; i++) {
                Node node = order.get(i);
                slots.put(node, i);
                if (node instanceof Input input) {
                    bound[i] = bound(input.name(), bindings);
                    inputs.add(bound[i]);
                    inputNames.add(input.name());
                } else if (node instanceof Param param) {
                    bound[i] = bound(param.name(), bindings);
                } else if (node instanceof Apply a) {
                    applies[i] = a;
                    // in topological order, every argument already has its slot
                    // a composite reads its argument's argument: z of crossEntropy(softmax(z), y)
                    List<Node> args = composite(a) ? compositeArgs(a) : a.args();
                    argSlots[i] = args.stream().mapToInt(slots::get).toArray();
                    argValues[i] = new DMatrixRMaj[args.size()];
                    kernels[i] = composite(a) ? null : KernelOp.valueOf(a.op().name());
                    boolean product = a.op() == Op.MATMUL || a.op() == Op.MATMUL_TN || a.op() == Op.MATMUL_NT;
                    if (float32Products && product) {
                        products32[i] = new Products32(kernels[i]);
                    }
                    perBatch[i] = a.op() == Op.COLS || Arrays.stream(argSlots[i]).allMatch(k -> perBatch[k]);
                } else {
                    perBatch[i] = true; // a constant
                }
            }
            boundSlots = IntStream.range(0, size).filter(i -> bound[i] != null).toArray();
            boundShapes = Arrays.stream(boundSlots).mapToObj(i -> order.get(i).shape()).toArray(Shape[]::new);
        }

        /** Where a node's value is in the {@link Values} this plan returns. */
        public int slot(Node node) {
            Integer slot = slots.get(node);
            if (slot == null) {
                throw new IllegalArgumentException("not in this plan: " + node);
            }
            return slot;
        }

        public Values evaluate() {
            int batch = batchSize();
            boolean fresh = values == null || values.batch() != batch;
            if (fresh) {
                values = new Values(slots, batch);
            }
            for (int i = 0; i < applies.length; i++) {
                Apply a = applies[i];
                if (a == null) {
                    if (fresh) { // a bound matrix stays the value; a constant is filled once per batch size
                        values.put(i, leaf(order.get(i), bound[i], batch));
                    }
                    continue;
                }
                if (perBatch[i] && !fresh) {
                    continue; // computed when the batch size was set
                }
                DMatrixRMaj[] args = argValues[i];
                DMatrixRMaj out;
                if (fresh) { // every value is one matrix per batch size: the arguments are found once
                    out = new DMatrixRMaj(1, 1);
                    values.put(i, out);
                    int[] from = argSlots[i];
                    for (int k = 0; k < args.length; k++) {
                        args[k] = values.at(from[k]);
                    }
                } else {
                    out = values.at(i);
                }
                if (fresh && products32[i] != null) { // narrowed at this batch size if large enough
                    narrowed[i] = Products32.worthNarrowing(multiplyAdds(a, batch));
                }
                if (narrowed[i]) {
                    products32[i].apply(args, out);
                } else if (kernels[i] != null) {
                    kernels[i].apply(a.attr(), args, out);
                } else {
                    applyComposite(a, args, out);
                }
                if (fresh) {
                    checkedShape(a, out, batch);
                }
            }
            return values;
        }

        /** The batch size the bound inputs have now; at an unchanged one, also that no bound matrix was reshaped. */
        private int batchSize() {
            int batch = -1;
            for (int k = 0; k < inputs.size(); k++) {
                DMatrixRMaj value = inputs.get(k);
                if (batch >= 0 && value.numCols != batch) {
                    throw new IllegalArgumentException(inputNames.get(k) + " has " + value.numCols
                            + " columns but the batch has " + batch);
                }
                batch = value.numCols;
            }
            batch = batch < 0 ? 1 : batch;
            if (values != null && values.batch() == batch) {
                for (int k = 0; k < boundSlots.length; k++) { // reshaped since: the message of a new batch size
                    int i = boundSlots[k];
                    if (!fits(boundShapes[k], bound[i], batch)) {
                        leaf(order.get(i), bound[i], batch);
                    }
                }
            }
            return batch;
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

    private static DMatrixRMaj bound(String name, Map<String, DMatrixRMaj> bindings) {
        DMatrixRMaj value = bindings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value bound to " + name);
        }
        return value;
    }

    /** A leaf's value at a new batch size: a bound matrix, checked, or a constant, filled. */
    private static DMatrixRMaj leaf(Node node, DMatrixRMaj bound, int batch) {
        if (node instanceof Input input) {
            return checked(input.name(), input.shape(), bound, batch);
        }
        if (node instanceof Param param) {
            return checked(param.name(), param.shape(), bound, batch);
        }
        Const c = (Const) node;
        DMatrixRMaj m = new DMatrixRMaj(c.shape().rows(batch), c.shape().cols(batch));
        m.fill(c.value());
        return m;
    }

    private static boolean fits(Shape shape, DMatrixRMaj value, int batch) {
        return value.numRows == shape.rows(batch) && value.numCols == shape.cols(batch);
    }

    private static void checkedShape(Apply apply, DMatrixRMaj out, int batch) {
        if (!fits(apply.shape(), out, batch)) {
            throw new IllegalStateException(apply.op() + " gave " + out.numRows + "×" + out.numCols
                    + ", its shape rule says " + apply.shape());
        }
    }

    private static DMatrixRMaj checked(String name, Shape shape, DMatrixRMaj value, int batch) {
        if (!fits(shape, value, batch)) {
            throw new IllegalArgumentException(name + " is " + shape + " but the value bound to it is "
                    + value.numRows + "×" + value.numCols);
        }
        return value;
    }

    /** The multiply-adds of a product at a batch size: rows × inner × columns. */
    private static long multiplyAdds(Apply product, int batch) {
        Shape x = product.arg(0).shape();
        long inner = product.op() == Op.MATMUL_TN ? x.rows(batch) : x.cols(batch);
        return (long) product.shape().rows(batch) * inner * product.shape().cols(batch);
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
    private static void applyComposite(Apply a, DMatrixRMaj[] args, DMatrixRMaj out) {
        DMatrixRMaj z = args[0];
        switch (a.op()) {
            case CROSS_ENTROPY -> scalar(out, Kernels64.crossEntropyOfSoftmax(z, args[1]));
            case BINARY_CROSS_ENTROPY -> scalar(out, Kernels64.binaryCrossEntropyOfSigmoid(z, args[1]));
            default -> {
                if (is(a.arg(0), Op.SOFTMAX)) {
                    Kernels64.logSoftmax(z, out);
                } else {
                    Kernels64.map(z, v -> -Kernels64.softplus(-v), out);
                }
            }
        }
    }

    /** A composite's arguments: its first argument's argument (the logits), then its own others. */
    private static List<Node> compositeArgs(Apply a) {
        List<Node> args = new ArrayList<>(a.args());
        args.set(0, ((Apply) a.arg(0)).arg(0));
        return args;
    }

    private static void scalar(DMatrixRMaj out, double value) {
        out.reshape(1, 1);
        out.set(0, value);
    }
}
