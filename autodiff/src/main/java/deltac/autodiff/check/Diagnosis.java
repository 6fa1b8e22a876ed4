package deltac.autodiff.check;

import deltac.autodiff.print.Symbols;
import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.GraphBuilder;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.ShapeException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Says what makes a formula differ, when an edit or two do: first a constant factor of the whole (the sign, 1/n),
 * checked on the instances; then the edits of terms and factors between the two as sums of products
 * ({@link TermDiff}: a term missing or extra, a coefficient, a factor, a value for another, a transpose, a
 * product's order); last single substitutions checked numerically (⊙ σ′(z), a transpose, one name for another).
 */
final class Diagnosis {
    private static final Map<Op, Op> DERIVATIVES = Map.of(Op.SIGMOID, Op.SIGMOID_PRIME, Op.TANH, Op.TANH_PRIME,
            Op.RELU, Op.RELU_PRIME, Op.LEAKY_RELU, Op.LEAKY_RELU_PRIME);

    /** Most edits a reason may combine. */
    static final int EDITS = 2;

    private final Graph graph;
    private final GraphBuilder builder;
    private final Instances instances;
    private final Set<Node> opaque;
    private final boolean batch;
    private final Expansion expansion;
    private final Wording wording;

    Diagnosis(Graph graph, GraphBuilder builder, Instances instances, Set<Node> opaque, boolean batch,
              Expansion expansion, Wording wording) {
        this.graph = graph;
        this.builder = builder;
        this.instances = instances;
        this.opaque = opaque;
        this.batch = batch;
        this.expansion = expansion;
        this.wording = wording;
    }

    /** A plain-words reason, or null when no edit (or two) explains the difference. */
    String explain(String name, Node yours, Node want) {
        try {
            return explainHere(name, yours, want);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return null; // a reason is a courtesy on top of the verdict, which stands without it
        }
    }

    private String explainHere(String name, Node yours, Node want) {
        String factor = factor(name, yours, want);
        if (factor != null) {
            return factor;
        }
        List<String> terms = byTerms(name, yours, want);
        if (terms != null) {
            return Wording.join(terms);
        }
        for (Map.Entry<String, Node> d : derivatives().entrySet()) {
            Node s = d.getValue();
            if (s.shape().equals(yours.shape()) && equal(hadamard(yours, s), want)) {
                return "your " + name + " lacks the factor ⊙ " + d.getKey();
            }
            if (s.shape().equals(want.shape()) && equal(yours, hadamard(want, s))) {
                return "your " + name + " has an extra factor ⊙ " + d.getKey();
            }
        }
        for (Param p : graph.params()) {
            if (p.shape().rows() == p.shape().cols() && uses(yours, p)) {
                Node swapped = substitute(yours, p, transpose(p));
                if (swapped != null && equal(swapped, want)) {
                    String w = Symbols.text(p.name());
                    String wt = (Symbols.text(p.name()).equals(p.name()) ? w : "(" + w + ")") + "ᵀ";
                    return usesTranspose(yours, p) ? "it uses " + wt + " where the derivative has " + w
                            : "it uses " + w + " where the derivative has " + wt;
                }
            }
        }
        Map<String, Node> named = namedValues();
        for (Map.Entry<String, Node> used : named.entrySet()) {
            if (!uses(yours, used.getValue())) {
                continue;
            }
            for (Map.Entry<String, Node> other : named.entrySet()) {
                if (other.getValue() != used.getValue() && other.getValue().shape().equals(used.getValue().shape())) {
                    Node swapped = substitute(yours, used.getValue(), other.getValue());
                    if (swapped != null && equal(swapped, want)) {
                        return "it uses " + Symbols.text(used.getKey()) + " where the derivative has "
                                + Symbols.text(other.getKey());
                    }
                }
            }
        }
        return null;
    }

    /**
     * The fewest edits of terms and factors that turn the formula into the derivation, both expanded to sums of
     * products: with the other derived values as names (δ² in δ¹'s formula), then written out, then with the
     * spec's named sums written out instead; the view that needs the fewest edits.
     */
    List<String> byTerms(String name, Node yours, Node want) {
        Set<TermDiff.Edit> best = null;
        TermDiff bestDiff = null;
        Expansion.Pair bestPair = null;
        for (Expansion.View view : Expansion.View.values()) {
            Expansion.Pair pair = expansion.expand(name, yours, want, false, view);
            if (pair == null || pair.yours() == pair.want()) {
                continue;
            }
            TermDiff diff = new TermDiff(pair);
            Set<TermDiff.Edit> edits = diff.edits();
            if (!edits.isEmpty() && edits.size() <= EDITS && (best == null || edits.size() < best.size())) {
                best = edits;
                bestDiff = diff;
                bestPair = pair;
            }
        }
        return best == null ? null : wording.say(name, best, bestDiff, bestPair);
    }

    /** yours = c · want for one constant c in every instance, or c = n in each: the sign, 1/n, or a number. */
    private String factor(String name, Node yours, Node want) {
        DMatrixRMaj[][] v = instances.evaluate(List.of(yours, want));
        double[] ratios = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            double ratio = Double.NaN;
            double scale = 0;
            for (double d : v[k][1].data) {
                scale = Math.max(scale, Math.abs(d));
            }
            for (int i = 0; i < v[k][1].data.length; i++) {
                double d = v[k][1].data[i];
                if (Math.abs(d) > 1e-6 * scale) {
                    double r = v[k][0].data[i] / d;
                    if (Double.isNaN(ratio)) {
                        ratio = r;
                    } else if (Math.abs(r - ratio) > 1e-8 * Math.max(1, Math.abs(ratio))) {
                        return null;
                    }
                } else if (Math.abs(v[k][0].data[i]) > 1e-6 * scale) {
                    return null;
                }
            }
            ratios[k] = ratio;
        }
        if (Double.isNaN(ratios[0])) {
            return null;
        }
        boolean constant = true;
        boolean perSample = batch;
        boolean perSampleInverse = batch;
        for (int k = 0; k < ratios.length; k++) {
            constant &= close(ratios[k], ratios[0]);
            perSample &= close(ratios[k], instances.batch(k));
            perSampleInverse &= close(ratios[k], 1.0 / instances.batch(k));
        }
        if (perSample) {
            return "your " + name + " lacks the factor 1/n (the mean over the batch's n samples)";
        }
        if (perSampleInverse) {
            return "your " + name + " has an extra factor 1/n";
        }
        if (constant && close(ratios[0], -1)) {
            return "your " + name + " has the wrong sign";
        }
        if (constant) {
            String times = deltac.graph.ExprPrinter.number(Double.parseDouble(String.format(Locale.ROOT, "%.6g", ratios[0])));
            return "your " + name + " is " + times + " times the derived one";
        }
        return null;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(b));
    }

    boolean equal(Node a, Node b) {
        return FormulaChecker.Difference.of(instances.evaluate(List.of(a, b))).relative() <= FormulaChecker.TOLERANCE;
    }

    /** σ′(z¹), tanh′(z²), ... for each activation of the forward pass, by their printed form. */
    private Map<String, Node> derivatives() {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node node : graph.topologicalOrder()) {
            if (node instanceof Apply a && DERIVATIVES.containsKey(a.op())) {
                String z = graph.nameOf(a.arg(0)).map(Symbols::text).orElse("z");
                String label = switch (a.op()) {
                    case SIGMOID -> "σ′(" + z + ")";
                    case TANH -> "tanh′(" + z + ")";
                    case RELU -> "relu′(" + z + ")";
                    default -> "leakyRelu′(" + z + ")";
                };
                out.put(label, op(DERIVATIVES.get(a.op()), a.attr(), a.arg(0)));
            }
        }
        return out;
    }

    Map<String, Node> namedValues() {
        Map<String, Node> out = new LinkedHashMap<>();
        graph.inputs().forEach(i -> out.put(i.name(), i));
        graph.params().forEach(p -> out.put(p.name(), p));
        graph.locals().forEach(out::putIfAbsent);
        return out;
    }

    private Node hadamard(Node a, Node b) {
        return op(Op.HADAMARD, 0, a, b);
    }

    private Node transpose(Node a) {
        return op(Op.TRANSPOSE, 0, a);
    }

    private Node op(Op op, double attr, Node... args) {
        try {
            return builder.apply(op, attr, args);
        } catch (ShapeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the formula's own text uses the node (not counting inside the derived values it names). */
    boolean uses(Node root, Node target) {
        return walk(root).contains(target);
    }

    private boolean usesTranspose(Node root, Node p) {
        for (Node n : walk(root)) {
            if (n instanceof Apply a && ((a.op() == Op.TRANSPOSE || a.op() == Op.MATMUL_TN) && a.arg(0) == p
                    || a.op() == Op.MATMUL_NT && a.arg(1) == p)) {
                return true;
            }
        }
        return false;
    }

    private List<Node> walk(Node root) {
        List<Node> out = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (seen.put(n, true) != null) {
                continue;
            }
            out.add(n);
            if (n instanceof Apply a && !opaque.contains(n)) {
                stack.addAll(a.args());
            }
        }
        return out;
    }

    /** The formula with {@code from} replaced by {@code to}, or null when that breaks a shape rule. */
    Node substitute(Node root, Node from, Node to) {
        Map<Node, Node> memo = new IdentityHashMap<>();
        memo.put(from, to);
        try {
            return rebuild(root, memo);
        } catch (ShapeException e) {
            return null;
        }
    }

    private Node rebuild(Node node, Map<Node, Node> memo) throws ShapeException {
        Node known = memo.get(node);
        if (known != null) {
            return known;
        }
        Node result = node;
        if (node instanceof Apply a && !opaque.contains(node) && !(node instanceof Input)) {
            Node[] args = new Node[a.args().size()];
            boolean changed = false;
            for (int i = 0; i < args.length; i++) {
                args[i] = rebuild(a.arg(i), memo);
                changed |= args[i] != a.arg(i);
            }
            result = changed ? builder.apply(a.op(), a.attr(), args) : node;
        }
        memo.put(node, result);
        return result;
    }
}
