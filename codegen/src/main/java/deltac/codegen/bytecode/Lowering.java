package deltac.codegen.bytecode;

import static deltac.codegen.bytecode.Loops.add;
import static deltac.codegen.bytecode.Loops.i;
import static deltac.codegen.bytecode.Loops.real;

import deltac.autodiff.Derivation;
import deltac.autodiff.simplify.ForComputing;
import deltac.codegen.Signature;
import deltac.codegen.bytecode.Loops.BinOp;
import deltac.codegen.bytecode.Loops.Cmp;
import deltac.codegen.bytecode.Loops.Expr;
import deltac.codegen.bytecode.Loops.Let;
import deltac.codegen.bytecode.Loops.Load;
import deltac.codegen.bytecode.Loops.RealConst;
import deltac.codegen.bytecode.Loops.Select;
import deltac.codegen.bytecode.Loops.Stmt;
import deltac.codegen.bytecode.Loops.Un;
import deltac.codegen.bytecode.Loops.UnOp;
import deltac.codegen.bytecode.Loops.Var;
import deltac.codegen.bytecode.Program.Buffer;
import deltac.codegen.bytecode.Program.Kind;
import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import deltac.runtime.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a derivation to kernels, making the fusion decisions: element-wise chains become one loop; a product
 * whose only consumer is element-wise absorbs it as its epilogue (the bias add and the activation); softmax
 * with cross-entropy reads the logits; σ′ is computed from the stored activation; a transposed operand is read
 * in place or packed, never materialized as a value; a parameter's gradient is computed straight into its
 * buffer. What it does not specialize goes to a {@code FallbackSite} (the runtime's EJML kernels).
 */
final class Lowering {
    /** The ops an element-wise loop computes inline. */
    private static final Set<Op> ELEMENTWISE = EnumSet.of(Op.ADD, Op.SUB, Op.DIVIDE, Op.NEG, Op.HADAMARD, Op.SCALE,
            Op.SIGMOID, Op.TANH, Op.RELU, Op.LEAKY_RELU, Op.EXP, Op.LOG, Op.SQUARE, Op.SQRT, Op.ABS,
            Op.SIGMOID_PRIME, Op.TANH_PRIME, Op.RELU_PRIME, Op.LEAKY_RELU_PRIME, Op.SIGN, Op.COLS);
    private static final Set<Op> PRODUCTS = EnumSet.of(Op.MATMUL, Op.MATMUL_TN, Op.MATMUL_NT);

    /** @param fallbackEverything every op through the runtime's kernels: for testing the fallback */
    record Options(boolean fallbackEverything) {
        static final Options DEFAULT = new Options(false);
    }

    private final Graph graph;
    private final Signature signature;
    private final Options options;
    private final Precision precision;
    private final List<Node> order = new ArrayList<>();
    private final Map<Node, List<Node>> reads = new IdentityHashMap<>();
    private final Map<Node, Integer> uses = new IdentityHashMap<>();
    private final Map<Node, Node> consumer = new IdentityHashMap<>();
    private final Set<Node> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, String> fields = new IdentityHashMap<>();
    private final Map<Node, Node> fusedInto = new IdentityHashMap<>();
    /** Each node's place in {@link #order}. */
    private final Map<Node, Integer> position = new IdentityHashMap<>();
    /** The product fused into each epilogue's owner: {@link #fusedInto} the other way round. */
    private final Map<Node, Node> productOf = new IdentityHashMap<>();
    /** The spec's name of each local value (Graph.nameOf scans the locals). */
    private final Map<Node, String> localNames = new IdentityHashMap<>();
    private final Map<Node, String> kernelOf = new IdentityHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<Buffer> buffers = new ArrayList<>();
    private final List<Program.Site> sites = new ArrayList<>();
    private final List<Loops.Method> methods = new ArrayList<>();
    private final List<Program.ParamFields> params = new ArrayList<>();
    private final Map<Node, Node> loweredGradients = new LinkedHashMap<>();

    private Lowering(Derivation derivation, Precision precision, Options options) {
        this.graph = derivation.graph();
        this.signature = Signature.of(graph);
        graph.locals().forEach((name, node) -> localNames.putIfAbsent(node, name));
        this.options = options;
        this.precision = precision;
        loweredGradients.putAll(ForComputing.gradients(derivation));
    }

    static Program lower(Derivation derivation, Precision precision, String className, Options options) {
        return new Lowering(derivation, precision, options).program(className);
    }

    private Program program(String className) {
        List<Node> rootList = new ArrayList<>();
        rootList.add(graph.loss());
        if (signature.output() != null) {
            rootList.add(signature.output());
        }
        rootList.addAll(loweredGradients.values());
        roots.addAll(rootList);
        liveOrder(rootList);
        declareLeaves();
        decide();
        for (Node node : order) {
            if (fields.containsKey(node) && node instanceof Apply a && !fusedInto.containsKey(node)) {
                kernel(a);
            }
        }
        List<String> gradients = plan(rootList);
        shareLogSumExp(gradients);
        for (int k = 0; k < params.size(); k++) {
            Program.ParamFields p = params.get(k);
            Node root = loweredGradients.get(graph.params().get(k)); // params follow the graph's order
            if (!p.gradientField().equals(fields.get(root))) {
                gradients.add(copyKernel(p, root));
            }
        }
        List<String> loss = plan(List.of(graph.loss()));
        List<String> predict = signature.output() == null ? List.of() : plan(List.of(signature.output()));
        List<String> lossAndPrediction = loss;
        if (signature.output() != null) {
            lossAndPrediction = plan(List.of(graph.loss(), signature.output()));
            shareLogSumExp(lossAndPrediction);
        }
        List<String> feedFields = signature.feeds().stream().map(fields::get).toList();
        List<Loops.Method> kernels = new ArrayList<>(methods);
        methods.forEach(m -> kernels.add(BatchOfOne.twin(m)));
        return new Program(className, graph.name(), graph.sourceFile(), precision, signature, buffers, sites, kernels,
                gradients, loss, predict, lossAndPrediction, fields.get(graph.loss()),
                signature.output() == null ? null : fields.get(signature.output()), feedFields, params);
    }

    /**
     * When a plan runs both a softmax's kernel and the kernel of a cross-entropy of that softmax (a training step
     * does: the loss, and the softmax for its gradient), both become one kernel with one log-sum-exp per sample,
     * run where the softmax's kernel ran. The loss alone and the prediction keep their own kernels.
     */
    private void shareLogSumExp(List<String> plan) {
        if (options.fallbackEverything()) {
            return;
        }
        for (Node node : order) {
            if (!(node instanceof Apply loss) || loss.op() != Op.CROSS_ENTROPY || !is(loss.arg(0), Op.SOFTMAX)) {
                continue;
            }
            Apply softmax = (Apply) loss.arg(0);
            String softmaxKernel = kernelOf.get(softmax);
            String lossKernel = kernelOf.get(loss);
            if (softmaxKernel == null || lossKernel == null || !plan.contains(softmaxKernel)
                    || !plan.contains(lossKernel) || fusedInto.containsValue(softmax) || fusedInto.containsValue(loss)) {
                continue;
            }
            String name = softmaxKernel + "_and_" + fields.get(loss);
            if (methods.stream().noneMatch(m -> m.name().equals(name))) { // a second plan shares the first's kernel
                KernelBuilder kb = new KernelBuilder();
                Shape s = softmax.shape();
                methods.add(kb.method(name, describe(softmax) + ", with " + describe(loss), Columns.softmaxAndCrossEntropy(kb,
                        fields.get(softmax), fields.get(loss), fields.get(softmax.arg(0)), fields.get(loss.arg(1)),
                        s.rows(), s.cols())));
            }
            plan.set(plan.indexOf(softmaxKernel), name);
            plan.remove(lossKernel);
        }
    }

    /** The nodes the roots need, each after what its kernel reads; what a kernel reads may skip an argument. */
    private void liveOrder(List<Node> rootList) {
        Set<Node> live = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> pending = new ArrayList<>(rootList);
        while (!pending.isEmpty()) {
            Node n = pending.remove(pending.size() - 1);
            if (live.add(n)) {
                pending.addAll(reads(n));
            }
        }
        for (Node n : Graph.topologicalOrder(rootList)) {
            if (live.contains(n)) {
                order.add(n);
                for (Node r : reads(n)) {
                    uses.merge(r, 1, Integer::sum);
                    consumer.put(r, n);
                }
            }
        }
        for (Node r : rootList) {
            uses.merge(r, 1, Integer::sum);
        }
    }

    private List<Node> reads(Node node) {
        return reads.computeIfAbsent(node, n -> {
            if (!(n instanceof Apply a)) {
                return List.of();
            }
            if ((a.op() == Op.CROSS_ENTROPY && is(a.arg(0), Op.SOFTMAX))
                    || (a.op() == Op.BINARY_CROSS_ENTROPY && is(a.arg(0), Op.SIGMOID))) {
                return List.of(((Apply) a.arg(0)).arg(0), a.arg(1));
            }
            if (a.op() == Op.LOG && is(a.arg(0), Op.SOFTMAX)) {
                return List.of(((Apply) a.arg(0)).arg(0));
            }
            return a.args();
        });
    }

    /**
     * Whether a node is computed entry by entry: not log(softmax(z)), which reads the logits and is a log-softmax
     * per column (inlined into an element-wise consumer it expanded the softmax, which is not element-wise).
     */
    private static boolean elementwise(Apply a) {
        return ELEMENTWISE.contains(a.op()) && !(a.op() == Op.LOG && is(a.arg(0), Op.SOFTMAX));
    }

    private static boolean is(Node n, Op op) {
        return n instanceof Apply a && a.op() == op;
    }

    private void declareLeaves() {
        taken.addAll(List.of("n", "batch", "mode", "out"));
        for (Input input : signature.feeds()) {
            String field = unique(input.name());
            fields.put(input, field);
            buffers.add(new Buffer(field, -2, -2, input.isTarget() ? Kind.TARGET : Kind.INPUT, 0));
        }
        for (Param p : graph.params()) {
            String field = unique(p.name());
            fields.put(p, field);
            buffers.add(new Buffer(field, p.shape().rows(), p.shape().cols(), Kind.PARAM, 0));
        }
        for (Param p : graph.params()) {
            String field = unique("d" + p.name());
            params.add(new Program.ParamFields(p.name(), fields.get(p), field, p.shape().rows(), p.shape().cols()));
            buffers.add(new Buffer(field, p.shape().rows(), p.shape().cols(), Kind.GRADIENT, 0));
            Node root = loweredGradients.get(p);
            if (root instanceof Apply && !fields.containsKey(root) && uses.getOrDefault(root, 0) == 1
                    && root != graph.loss() && root != signature.output()) {
                fields.put(root, field); // computed straight into the gradient's buffer
            }
        }
    }

    private String unique(String base) {
        String name = base.replaceAll("[^A-Za-z0-9_]", "_");
        String candidate = name;
        for (int k = 2; !taken.add(candidate); k++) {
            candidate = name + "_" + k;
        }
        return candidate;
    }

    /** Which nodes get a buffer, which are computed inline in their consumer's loop, which products fuse. */
    private void decide() {
        Set<Node> materialized = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (Node node : order) {
            if (node instanceof Apply a && (fields.containsKey(node) || !inline(a))) {
                materialized.add(node);
            }
        }
        if (!options.fallbackEverything()) {
            for (Node node : order) {
                if (node instanceof Apply a && PRODUCTS.contains(a.op()) && !roots.contains(node)
                        && uses.getOrDefault(node, 0) == 1 && !batchRows(a)) {
                    Node owner = mapOwner(consumer.get(node), materialized);
                    // one product per epilogue, and only where the epilogue's other values are computed before it
                    // (in W x + V u, V u is read from its own buffer, computed first)
                    if (owner != null && owner.shape().equals(node.shape()) && !productOf.containsKey(owner)
                            && readsOnlyEarlier(owner, node, materialized)) {
                        fusedInto.put(node, owner);
                        productOf.put(owner, node);
                        materialized.remove(node);
                    }
                }
            }
        }
        for (Node node : order) {
            if (materialized.contains(node) && !fields.containsKey(node)) {
                String name = localNames.get(node);
                String field = unique(name == null ? "t" + buffers.size() : name);
                fields.put(node, field);
                buffers.add(new Buffer(field, node.shape().rows(), node.shape().cols(), Kind.TEMP, 0));
            }
        }
        for (Node node : order) {
            if (node instanceof Const c && readByKernel(node)) {
                String field = unique("c" + buffers.size());
                fields.put(node, field);
                buffers.add(new Buffer(field, c.shape().rows(), c.shape().cols(), Kind.CONSTANT, c.value()));
            }
        }
    }

    /** Whether the loop of {@code owner} reads, besides {@code product}, only values computed before the product. */
    private boolean readsOnlyEarlier(Node owner, Node product, Set<Node> materialized) {
        int at = position.get(product);
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(((Apply) owner).args());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n == product || !(n instanceof Apply a)) {
                continue;
            }
            if (materialized.contains(n) || fusedInto.containsKey(n)) {
                if (position.get(n) > at) {
                    return false;
                }
            } else {
                todo.addAll(a.args()); // computed inline: the loop reads its arguments
            }
        }
        return true;
    }

    /** The materialized element-wise node whose loop computes this one (itself, or through inline nodes). */
    private Node mapOwner(Node node, Set<Node> materialized) {
        Node n = node;
        while (n != null && !materialized.contains(n)) {
            n = consumer.get(n);
        }
        return n instanceof Apply a && elementwise(a) && a.op() != Op.COLS ? n : null;
    }

    private boolean inline(Apply a) {
        if (options.fallbackEverything() || roots.contains(a) || !elementwise(a)) {
            return false;
        }
        Node user = consumer.get(a);
        if (!(user instanceof Apply u) || !elementwise(u)) {
            return false;
        }
        if (a.op() == Op.COLS) {
            return true;
        }
        // a scalar is computed once per row of its consumer's loop (hoisted), whatever the consumer's shape
        return uses.getOrDefault(a, 0) == 1 && (user.shape().equals(a.shape()) || a.shape().isScalar());
    }

    /** Whether a constant is read by a kernel that needs it in memory (a product, a reduction, a fallback). */
    private boolean readByKernel(Node constant) {
        for (Node n : order) {
            if (n instanceof Apply a && reads(a).contains(constant)
                    && (options.fallbackEverything() || !elementwise(a))) {
                return true;
            }
        }
        return false;
    }

    /** The kernels the roots need, in order. */
    private List<String> plan(List<Node> rootList) {
        Set<Node> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> pending = new ArrayList<>(rootList);
        while (!pending.isEmpty()) {
            Node n = pending.remove(pending.size() - 1);
            if (needed.add(n)) {
                pending.addAll(reads(n));
            }
        }
        java.util.LinkedHashSet<String> planned = new java.util.LinkedHashSet<>();
        for (Node n : order) {
            if (needed.contains(n) && kernelOf.containsKey(n)) {
                planned.add(kernelOf.get(n));
            }
        }
        List<String> plan = new ArrayList<>(planned);
        for (Map.Entry<Node, Node> fused : fusedInto.entrySet()) {
            if (needed.contains(fused.getKey()) && !needed.contains(fused.getValue())) {
                throw new IllegalStateException("a fused product is needed without its consumer");
            }
        }
        return plan;
    }

    private String copyKernel(Program.ParamFields p, Node root) {
        KernelBuilder kb = new KernelBuilder();
        List<Stmt> body = kb.map(p.gradientField(), p.rows(), p.cols(),
                (k, iv, row, j, inner, hoisted) -> element(k, root, root.shape(), iv, row, j, inner, hoisted, null, null));
        String name = "g_" + p.gradientField();
        methods.add(kb.method(name, "∂C/∂" + p.name(), body));
        return name;
    }

    // --- kernels

    private void kernel(Apply a) {
        KernelBuilder kb = new KernelBuilder();
        String out = fields.get(a);
        Shape s = a.shape();
        List<Stmt> body;
        Apply fused = fusedProduct(a);
        Loops.ActivationKind activation = vectorActivation(a);
        if (options.fallbackEverything()) {
            body = fallback(kb, a);
        } else if (fused != null || elementwise(a)) {
            // with a vector activation the loops compute its argument, and the runtime applies it to the buffer
            Node computed = activation != null ? a.arg(0) : a;
            body = new ArrayList<>(fused != null
                    ? product(kb, fused, out, (k, iv, row, j, acc, inner, hoisted) ->
                            entry(k, a, computed, s, iv, row, j, inner, hoisted, fused, acc))
                    : kb.map(out, s.rows(), s.cols(), (k, iv, row, j, inner, hoisted) ->
                            entry(k, a, computed, s, iv, row, j, inner, hoisted, null, null)));
            if (activation != null) {
                body.add(new Loops.Activation(activation, kb.array(out), Loops.mul(KernelBuilder.dim(s.rows()),
                        KernelBuilder.dim(s.cols()))));
            }
        } else {
            body = special(kb, a, out);
        }
        String name = "k_" + out;
        methods.add(kb.method(name, describe(a), body));
        kernelOf.put(a, name);
        if (productOf.containsKey(a)) {
            kernelOf.put(productOf.get(a), name);
        }
    }

    /**
     * A float32 sigmoid or tanh that its kernel computes last, over a whole buffer: the runtime applies it on the
     * Vector API, a vector of entries per exp instead of one (a sigmoid layer's exps were a sixth of a W2 step).
     */
    private Loops.ActivationKind vectorActivation(Apply a) {
        if (precision != Precision.F32 || options.fallbackEverything()) {
            return null;
        }
        return switch (a.op()) {
            case SIGMOID -> Loops.ActivationKind.SIGMOID;
            case TANH -> Loops.ActivationKind.TANH;
            default -> null;
        };
    }

    private Apply fusedProduct(Apply owner) {
        return (Apply) productOf.get(owner);
    }

    private String describe(Apply a) {
        String name = localNames.getOrDefault(a, fields.get(a));
        return name + " = " + a.op().name().toLowerCase(java.util.Locale.ROOT) + " " + a.shape();
    }

    /**
     * Whether a product has the batch on its rows ((xᵀ M), n × k): the generated gemm takes its rows as a
     * constant, so such a product runs in the runtime's kernel (a loop to Shape.N ran no row and left 0s).
     */
    private static boolean batchRows(Apply p) {
        return p.shape().rows() == Shape.N;
    }

    private List<Stmt> product(KernelBuilder kb, Apply p, String out, KernelBuilder.Epilogue epilogue) {
        Shape sa = p.arg(0).shape();
        Shape sb = p.arg(1).shape();
        boolean transA = p.op() == Op.MATMUL_TN;
        boolean transB = p.op() == Op.MATMUL_NT;
        int m = transA ? sa.cols() : sa.rows();
        int k = transA ? sa.rows() : sa.cols();
        int n = p.shape().cols();
        String packed = null;
        if (KernelBuilder.packsB(transB, m, k, n)) {
            packed = unique("packed" + buffers.size());
            buffers.add(new Buffer(packed, k, n, Kind.TEMP, 0));
        }
        return kb.gemm(out, fields.get(p.arg(0)), fields.get(p.arg(1)), packed, transA, transB, m, k, n, epilogue);
    }

    private List<Stmt> special(KernelBuilder kb, Apply a, String out) {
        Shape s = a.arg(0).shape();
        return switch (a.op()) {
            case MATMUL, MATMUL_TN, MATMUL_NT -> batchRows(a) ? fallback(kb, a) : product(kb, a, out, null);
            case SUM_ROWS -> Reductions.sumRows(kb, out, fields.get(a.arg(0)), s.rows(), s.cols());
            case SUM_COLS -> Reductions.sumCols(kb, out, fields.get(a.arg(0)), s.rows(), s.cols());
            case SUM -> Reductions.sum(kb, out, fields.get(a.arg(0)), s.rows(), s.cols(), false);
            case MEAN -> Reductions.sum(kb, out, fields.get(a.arg(0)), s.rows(), s.cols(), true);
            case TRANSPOSE -> Reductions.transpose(kb, out, fields.get(a.arg(0)), s.rows(), s.cols());
            case SOFTMAX -> Columns.softmax(kb, out, fields.get(a.arg(0)), s.rows(), s.cols(), false);
            case LOG_SOFTMAX -> Columns.softmax(kb, out, fields.get(a.arg(0)), s.rows(), s.cols(), true);
            case LOG -> Columns.softmax(kb, out, fields.get(((Apply) a.arg(0)).arg(0)), s.rows(), s.cols(), true);
            case MSE -> Columns.mse(kb, out, fields.get(a.arg(0)), fields.get(a.arg(1)), s.rows(), s.cols());
            case CROSS_ENTROPY -> is(a.arg(0), Op.SOFTMAX)
                    ? Columns.crossEntropyOfSoftmax(kb, out, fields.get(((Apply) a.arg(0)).arg(0)), fields.get(a.arg(1)), s.rows(), s.cols())
                    : Columns.crossEntropy(kb, out, fields.get(a.arg(0)), fields.get(a.arg(1)), s.rows(), s.cols());
            case BINARY_CROSS_ENTROPY -> is(a.arg(0), Op.SIGMOID)
                    ? Columns.binaryCrossEntropyOfSigmoid(kb, out, fields.get(((Apply) a.arg(0)).arg(0)), fields.get(a.arg(1)), s.rows(), s.cols())
                    : Columns.binaryCrossEntropy(kb, out, fields.get(a.arg(0)), fields.get(a.arg(1)), s.rows(), s.cols());
            default -> fallback(kb, a);
        };
    }

    private List<Stmt> fallback(KernelBuilder kb, Apply a) {
        String site = unique("site_" + fields.get(a));
        List<Node> in = reads(a);
        int[][] args = new int[in.size()][];
        for (int k = 0; k < args.length; k++) {
            args[k] = new int[] {in.get(k).shape().rows(), in.get(k).shape().cols()};
        }
        // a composite the interpreter computes stably (cross-entropy of a softmax...) reads the logits
        String op = in.equals(a.args()) ? a.op().name() : a.op().name() + "_OF_" + ((Apply) a.arg(0)).op().name();
        sites.add(new Program.Site(site, op, a.attr(), new int[] {a.shape().rows(), a.shape().cols()}, args));
        Expr second = in.size() > 1 ? kb.array(fields.get(in.get(1))) : null;
        return List.of(new Loops.Fallback(new Loops.FieldRef(site, Loops.Type.SITE), kb.array(fields.get(a)),
                kb.array(fields.get(in.get(0))), second));
    }

    // --- element-wise expressions

    /**
     * The value of {@code node} at entry (i, j) of an element-wise loop over {@code out}: a load when the node
     * has a buffer (broadcast as its shape says), the op's arithmetic when it is inline. Per-entry temporaries go
     * to {@code inner}, loads that do not depend on j to {@code hoisted}.
     */
    private Expr element(KernelBuilder kb, Node node, Shape out, Var iv, Var row, Var j, List<Stmt> inner,
                         List<Stmt> hoisted, Node fused, Expr accumulated) {
        if (node == fused) {
            return accumulated;
        }
        if (node instanceof Const c) {
            return new RealConst(c.value());
        }
        if (fields.containsKey(node)) {
            return load(kb, fields.get(node), node.shape(), out, iv, row, j, hoisted);
        }
        if (node.shape().isScalar() && !out.isScalar()) {
            // its leaves are scalars too, so it depends on neither i nor j: computed before the inner loop
            Var t = kb.realVar("h");
            Expr value = expand(kb, (Apply) node, node.shape(), iv, row, j, hoisted, hoisted, fused, accumulated);
            hoisted.add(new Let(t, value));
            return t;
        }
        return expand(kb, (Apply) node, out, iv, row, j, inner, hoisted, fused, accumulated);
    }

    /**
     * What a kernel's loop computes at (i, j): its own node's arithmetic (expanded: the node has the buffer being
     * written, so element() would read it back), or, under a vector activation, the activation's argument.
     */
    private Expr entry(KernelBuilder kb, Apply kernel, Node computed, Shape out, Var iv, Var row, Var j,
                       List<Stmt> inner, List<Stmt> hoisted, Node fused, Expr accumulated) {
        return computed == kernel
                ? expand(kb, kernel, out, iv, row, j, inner, hoisted, fused, accumulated)
                : element(kb, computed, out, iv, row, j, inner, hoisted, fused, accumulated);
    }

    /** The op's arithmetic on its arguments' values at (i, j). */
    private Expr expand(KernelBuilder kb, Apply a, Shape out, Var iv, Var row, Var j, List<Stmt> inner,
                        List<Stmt> hoisted, Node fused, Expr accumulated) {
        if (a.op() == Op.COLS) {
            return a.arg(0).shape().cols() < 0 ? new Loops.ToReal(Loops.N) : new RealConst(a.arg(0).shape().cols());
        }
        java.util.function.Function<Node, Expr> e =
                arg -> element(kb, arg, out, iv, row, j, inner, hoisted, fused, accumulated);
        Expr x = e.apply(a.arg(0));
        return switch (a.op()) {
            case ADD -> real(BinOp.ADD, x, e.apply(a.arg(1)));
            case SUB -> real(BinOp.SUB, x, e.apply(a.arg(1)));
            case HADAMARD -> real(BinOp.MUL, x, e.apply(a.arg(1)));
            case DIVIDE -> real(BinOp.DIV, x, e.apply(a.arg(1)));
            case SCALE -> real(BinOp.MUL, x, e.apply(a.arg(1)));
            case NEG -> new Un(UnOp.NEG, x);
            case SIGMOID -> sigmoid(x);
            case TANH -> new Un(UnOp.TANH, x);
            case EXP -> new Un(UnOp.EXP, x);
            case LOG -> new Un(UnOp.LOG, x);
            case SQRT -> new Un(UnOp.SQRT, x);
            case ABS -> new Un(UnOp.ABS, x);
            case SQUARE -> {
                Var t = temp(kb, x, inner);
                yield real(BinOp.MUL, t, t);
            }
            case RELU -> {
                Var t = temp(kb, x, inner);
                yield new Select(Cmp.GT, t, zero(), t, zero());
            }
            case LEAKY_RELU -> {
                Var t = temp(kb, x, inner);
                yield new Select(Cmp.GT, t, zero(), t, real(BinOp.MUL, new RealConst(a.attr()), t));
            }
            case SIGMOID_PRIME -> {
                Var s = temp(kb, sigmoid(x), inner);
                yield real(BinOp.MUL, s, real(BinOp.SUB, new RealConst(1), s));
            }
            case TANH_PRIME -> {
                Var t = temp(kb, new Un(UnOp.TANH, x), inner);
                yield real(BinOp.SUB, new RealConst(1), real(BinOp.MUL, t, t));
            }
            case RELU_PRIME -> new Select(Cmp.GT, x, zero(), new RealConst(1), zero());
            case LEAKY_RELU_PRIME -> new Select(Cmp.GT, x, zero(), new RealConst(1), new RealConst(a.attr()));
            case SIGN -> {
                Var t = temp(kb, x, inner);
                yield new Select(Cmp.GT, t, zero(), new RealConst(1), new Select(Cmp.LT, t, zero(), new RealConst(-1), zero()));
            }
            default -> throw new IllegalStateException(a.op() + " is not element-wise");
        };
    }

    private static Expr zero() {
        return new RealConst(0);
    }

    /** 1 / (1 + e^−x): exact at both ends (e^−x overflows to ∞ and the result to 0, never NaN). */
    private static Expr sigmoid(Expr x) {
        return real(BinOp.DIV, new RealConst(1), real(BinOp.ADD, new RealConst(1), new Un(UnOp.EXP, new Un(UnOp.NEG, x))));
    }

    private static Var temp(KernelBuilder kb, Expr value, List<Stmt> inner) {
        Var t = kb.realVar("v");
        inner.add(new Let(t, value));
        return t;
    }

    /** A buffer's entry for (i, j) of an {@code out}-shaped loop: full, a broadcast column, row or scalar. */
    private static Expr load(KernelBuilder kb, String field, Shape shape, Shape out, Var iv, Var row, Var j,
                             List<Stmt> hoisted) {
        Var array = kb.array(field);
        // a scalar is read at 0 even over a scalar: a scalar computed before the loop (hoisted) is expanded over
        // its own 1×1 shape, where row + j read j before its loop declared it
        if (shape.equals(out) && !shape.isScalar()) {
            return new Load(array, add(row, j));
        }
        if (shape.isScalar() || shape.isColumn()) {
            Var t = kb.realVar("h");
            hoisted.add(new Let(t, new Load(array, shape.isScalar() ? i(0) : iv)));
            return t;
        }
        if (shape.rows() == 1) {
            return new Load(array, j);
        }
        throw new IllegalStateException("cannot broadcast " + shape + " over " + out);
    }
}
