package deltac.autodiff.simplify;

import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.ShapeException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs rewrite rules to a fixed point, bottom-up, and records which fired.
 *
 * <p>Nodes in {@code frozen} (the forward graph) are left as they are: they are the spec's own values and
 * keep its names. Nodes marked {@link Context#opaque} (named gradients, such as a δ) are rewritten
 * themselves, but no rule looks inside them from above, so their names survive in the printed equations.
 */
public final class Rewriter {
    /** Far beyond any real chain of rewrites; a bound so that a rule set that loops fails instead of hanging. */
    private static final int MAX_DEPTH = 1_000_000;

    private final List<Rule> rules;
    private final GraphBuilder builder;
    private final Set<Node> frozen;
    private final Map<Node, Node> done = new IdentityHashMap<>();
    private final Set<Node> opaque = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Integer> fired = new LinkedHashMap<>();
    private final Map<Node, Long> keys = new IdentityHashMap<>();
    private final Context context = new Context();
    private int budget = Integer.MAX_VALUE;

    /** splitmix64's finalizer: every bit of the input moves every bit of the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Thrown when a rewrite makes more nodes than its budget allows: an expansion that grows too large. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(int budget) {
            super("the rewrite made more than " + budget + " nodes", null, false, false);
        }
    }

    public Rewriter(List<Rule> rules, GraphBuilder builder, Set<Node> frozen) {
        this.rules = List.copyOf(rules);
        this.builder = builder;
        this.frozen = frozen;
    }

    /** The simplified form of {@code root}; memoized, so shared subexpressions stay shared. */
    public Node rewrite(Node root) {
        return resolve(root, 0);
    }

    /**
     * Stops with {@link TooLarge} once more than {@code nodes} nodes have been simplified: expanding products
     * of sums can grow a formula exponentially, and a caller that has another way to decide wants to stop early.
     */
    public Rewriter budget(int nodes) {
        this.budget = nodes;
        return this;
    }

    /** Keeps rules from looking inside {@code node} when it is an argument. */
    public void markOpaque(Node node) {
        opaque.add(node);
    }

    /** What the rules see: for looking at a normal form as they do (its terms, a term's coefficient). */
    public Context context() {
        return context;
    }

    /** How many times each rule fired, in the order they first fired. */
    public Map<String, Integer> fired() {
        return Collections.unmodifiableMap(fired);
    }

    /** Simplifies every node under {@code root} not yet seen, bottom-up, and returns root's normal form. */
    private Node resolve(Node root, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("the rewrite rules do not terminate on " + root);
        }
        // only the nodes not yet resolved: a rewrite's result is mostly made of resolved nodes, so walking the
        // whole graph below it again would make simplifying a chain of k rewrites quadratic in k
        if (frozen.contains(root)) {
            return root;
        }
        // nor inside the frozen nodes, which stay as they are whatever is below them
        for (Node node : Graph.topologicalOrder(List.of(root), n -> done.containsKey(n) || frozen.contains(n))) {
            if (!done.containsKey(node)) {
                if (done.size() > budget) {
                    throw new TooLarge(budget);
                }
                Node normal = rewriteOne(node, depth);
                done.put(node, normal);
                done.putIfAbsent(normal, normal);
            }
        }
        return done.get(root);
    }

    private Node rewriteOne(Node node, int depth) {
        if (!(node instanceof Apply apply) || frozen.contains(node)) {
            return node;
        }
        Node[] args = new Node[apply.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = frozen.contains(apply.arg(i)) ? apply.arg(i) : done.get(apply.arg(i));
        }
        Node rebuilt = context.apply(apply.op(), apply.attr(), args);
        if (!(rebuilt instanceof Apply a) || frozen.contains(rebuilt)) {
            return rebuilt;
        }
        Node next = firstMatch(a);
        // a rule's result is built from normal forms, but may itself (or a node it made) match again
        return next == null ? rebuilt : resolve(next, depth + 1);
    }

    private Node firstMatch(Apply node) {
        for (Rule rule : rules) {
            Node replacement = rule.apply(node, context);
            if (replacement != null && replacement != node) {
                if (!replacement.shape().equals(node.shape())) {
                    throw new IllegalStateException("rule '" + rule.name() + "' changed the shape " + node.shape()
                            + " to " + replacement.shape());
                }
                fired.merge(rule.name(), 1, Integer::sum);
                return replacement;
            }
        }
        return null;
    }

    /** What a rule may ask: look inside a node, build a node, read a constant. */
    public final class Context {
        /** The node as an application of {@code op}, or null: not that op, a leaf, or opaque. */
        public Apply match(Node node, Op op) {
            return node instanceof Apply a && a.op() == op && !opaque.contains(node) ? a : null;
        }

        /** The value of a constant node (of any shape), or null. */
        /**
         * The value of a constant node, or of {@code n} (cols(x)) where the batch size is bound: a forward node the
         * rewriter leaves as it is, but a constant all the same (so (−1)/n folds to −1 per sample).
         */
        public Double constant(Node node) {
            if (node instanceof Const c) {
                return c.value();
            }
            if (node instanceof Apply a && a.op() == Op.COLS && a.arg(0).shape().cols() != deltac.graph.Shape.N) {
                return (double) a.arg(0).shape().cols();
            }
            return null;
        }

        public boolean isConstant(Node node, double value) {
            Double v = constant(node);
            return v != null && v == value;
        }

        public Node apply(Op op, Node... args) {
            return apply(op, 0, args);
        }

        public Node apply(Op op, double attr, Node... args) {
            try {
                return builder.apply(op, attr, args);
            } catch (ShapeException e) {
                throw new IllegalStateException("a rewrite built a badly shaped " + op, e);
            }
        }

        public Node constant(double value, deltac.graph.Shape shape) {
            return builder.constant(value, shape);
        }

        /**
         * A key that orders expressions by their structure alone (not by when their nodes were made): a 64-bit
         * hash of the op, attribute and shape of every node, and of the leaves' names and constants' values,
         * memoized. The commuting rules sort by it, which is what makes them terminate; two different
         * expressions with one key (a one-in-2⁶⁴ chance) are left in the order they came, which can only cost a proof.
         */
        public long key(Node node) {
            Long known = keys.get(node);
            if (known != null) {
                return known;
            }
            long key;
            if (node instanceof Apply a) {
                key = mix(a.op().ordinal() * 31L + Double.doubleToLongBits(a.attr()));
                for (Node arg : a.args()) {
                    key = mix(key * 31 + key(arg));
                }
            } else if (node instanceof Const c) {
                key = mix(Double.doubleToLongBits(c.value()) ^ 0x5bd1e995L);
            } else {
                key = mix((node instanceof deltac.graph.Input i ? i.name() : ((deltac.graph.Param) node).name()).hashCode());
            }
            key = mix(key * 31 + node.shape().rows() * 65_537L + node.shape().cols());
            keys.put(node, key);
            return key;
        }
    }
}
