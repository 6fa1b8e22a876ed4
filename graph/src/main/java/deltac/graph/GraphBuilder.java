package deltac.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the nodes of one graph, checking each op's shapes and interning every node: building the same
 * expression twice returns the same object. Not thread-safe; a builder makes one graph.
 */
public final class GraphBuilder {
    private final String name;
    private final String sourceFile;
    private final Map<Node, Node> interned = new HashMap<>();
    private final Map<String, Node> declared = new LinkedHashMap<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Param> params = new ArrayList<>();
    private final Map<String, Node> locals = new LinkedHashMap<>();
    private Training training = Training.NONE;

    public GraphBuilder(String name, String sourceFile) {
        this.name = name;
        this.sourceFile = sourceFile;
    }

    /**
     * A builder that extends a graph: its leaves are declared, its locals named, and every node it has is
     * interned, so what is built here shares the graph's nodes (a gradient reuses the forward values).
     */
    public static GraphBuilder extending(Graph graph) {
        GraphBuilder builder = new GraphBuilder(graph.name(), graph.sourceFile());
        for (Input input : graph.inputs()) {
            builder.declare(input);
        }
        for (Param param : graph.params()) {
            builder.declare(param);
        }
        for (Node node : graph.topologicalOrder()) {
            builder.intern(node);
        }
        builder.locals.putAll(graph.locals());
        builder.training = graph.training();
        return builder;
    }

    /**
     * The equivalent of a node made by another builder, made (or found) in this one: leaves by their name, the
     * rest op by op. This is how values from two builders come to share nodes, so they can be compared.
     */
    public Node copy(Node root) {
        return copyAll(List.of(root)).get(0);
    }

    /** {@link #copy} of each root, in one walk: shared nodes are copied once (linear in the graph, however many roots). */
    public List<Node> copyAll(List<Node> roots) {
        Map<Node, Node> copies = new java.util.IdentityHashMap<>();
        for (Node node : Graph.topologicalOrder(roots)) {
            Node copied;
            if (node instanceof Input i) {
                copied = declared.get(i.name());
            } else if (node instanceof Param p) {
                copied = declared.get(p.name());
            } else if (node instanceof Const c) {
                copied = constant(c.value(), c.shape());
            } else {
                Apply a = (Apply) node;
                try {
                    copied = apply(a.op(), a.attr(), a.args().stream().map(copies::get).toArray(Node[]::new));
                } catch (ShapeException e) {
                    throw new IllegalArgumentException("cannot copy " + a.op() + ": " + e.getMessage(), e);
                }
            }
            if (copied == null || !copied.shape().equals(node.shape())) {
                throw new IllegalArgumentException("this builder has no leaf matching " + node);
            }
            copies.put(node, copied);
        }
        return roots.stream().map(copies::get).toList();
    }

    public String name() {
        return name;
    }

    /** A feature input of {@code rows} features: a {@code rows×n} batch. */
    public Input input(String name, int rows) {
        return declare(new Input(name, Shape.of(rows, Shape.N), Input.Role.INPUT));
    }

    /** The expected output for each sample: a {@code rows×n} batch. */
    public Input target(String name, int rows) {
        return declare(new Input(name, Shape.of(rows, Shape.N), Input.Role.TARGET));
    }

    public Param param(String name, Shape shape, Init init) {
        return declare(new Param(name, shape, init));
    }

    private <T extends Node> T declare(T leaf) {
        String leafName = leaf instanceof Input i ? i.name() : ((Param) leaf).name();
        if (declared.containsKey(leafName) || locals.containsKey(leafName)) {
            throw new IllegalArgumentException(leafName + " is already declared");
        }
        declared.put(leafName, leaf);
        if (leaf instanceof Input i) {
            inputs.add(i);
        } else {
            params.add((Param) leaf);
        }
        return leaf;
    }

    /** The first declared input (not target), whose columns are the batch; null if none. */
    public Input firstInput() {
        return inputs.stream().filter(i -> !i.isTarget()).findFirst().orElse(inputs.isEmpty() ? null : inputs.get(0));
    }

    /** A declared input or parameter by name, or null. */
    public Node declared(String name) {
        return declared.get(name);
    }

    public Const constant(double value) {
        return constant(value, Shape.SCALAR);
    }

    public Const constant(double value, Shape shape) {
        return intern(new Const(value, shape));
    }

    /** Applies an op without an attribute. */
    public Node apply(Op op, Node... args) throws ShapeException {
        return apply(op, 0, args);
    }

    /** Applies an op, checking its arity and shapes; returns the interned node. */
    public Node apply(Op op, double attr, Node... args) throws ShapeException {
        if (args.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " arguments, got " + args.length);
        }
        List<Shape> shapes = new ArrayList<>(args.length);
        for (Node arg : args) {
            shapes.add(arg.shape());
        }
        return intern(new Apply(op, Arrays.asList(args), attr, op.shape(shapes)));
    }

    /** {@code a * b}: scaling when either side is a scalar (a 1×1 product included), else the matrix product. */
    public Node times(Node a, Node b) throws ShapeException {
        if (a.shape().isScalar()) {
            return apply(Op.SCALE, a, b);
        }
        if (b.shape().isScalar()) {
            return apply(Op.SCALE, b, a);
        }
        return apply(Op.MATMUL, a, b);
    }

    /** Declares an input with a fixed shape: a graph with its batch size bound (see {@link Graph#withBatch}). */
    Input input(String name, Shape shape, Input.Role role) {
        return declare(new Input(name, shape, role));
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T intern(T node) {
        return (T) interned.computeIfAbsent(node, n -> n);
    }

    /** Binds a spec name to a value, for printing and for the equations' names. */
    public void name(String localName, Node value) {
        if (declared.containsKey(localName) || locals.containsKey(localName)) {
            throw new IllegalArgumentException(localName + " is already declared");
        }
        locals.put(localName, value);
    }

    public java.util.Set<String> localNames() {
        return java.util.Collections.unmodifiableSet(locals.keySet());
    }

    public Node local(String localName) {
        return locals.get(localName);
    }

    /** How the graph trains, as its spec says ({@link Training#NONE} until set). */
    public void training(Training training) {
        this.training = Objects.requireNonNull(training, "training");
    }

    /** The graph with this scalar loss. */
    public Graph build(Node loss) {
        return new Graph(name, sourceFile, inputs, params, locals, loss, training);
    }
}
