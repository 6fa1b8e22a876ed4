package deltac.autodiff.check;

import deltac.autodiff.simplify.Rewriter;
import deltac.autodiff.simplify.Rules;
import deltac.graph.Apply;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A formula and its derivation as sums of products ({@link Rules#EXPANSION}), in one of two views: the other
 * derived values a formula names (δ² in δ¹'s formula) kept as names, or written out. The spec's named values
 * (z¹, a¹) are always kept as names: the rules neither rewrite them nor look inside them.
 */
final class Expansion {
    /** Far above any textbook formula's expansion; a product of many sums stops here instead of growing on. */
    private static final int BUDGET = 20_000;

    /** One term c · m of a sum. */
    record Term(double coefficient, Node monomial) {}

    /** Both sides' sums of terms, the rules that brought them there, and the rewriter to bring others there. */
    record Pair(Node yours, Node want, List<Term> yourTerms, List<Term> wantTerms, List<String> rules,
                Rewriter rewriter, Set<Node> atoms, Set<Node> names) {
        Rewriter.Context context() {
            return rewriter.context();
        }

        /** Another expression in the same normal form (e.g. a term's transpose), or null when it grows too large. */
        Node normal(Node node) {
            try {
                return rewriter.rewrite(node);
            } catch (Rewriter.TooLarge e) {
                return null;
            }
        }
    }

    private final GraphBuilder builder;
    private final Set<Node> forward;
    private final Set<Node> named;
    private final Collection<Node> derived;
    private final Map<String, Node> byName;

    /**
     * @param forward every node of the forward graph (never rewritten)
     * @param named   the spec's named values: nothing looks inside them
     * @param derived the derived values a formula may name, by name
     */
    Expansion(GraphBuilder builder, Set<Node> forward, Collection<Node> named, Map<String, Node> derived) {
        this.builder = builder;
        this.forward = forward;
        this.named = identitySet(named);
        this.byName = derived;
        this.derived = derived.values();
    }

    /** Which names an expansion keeps: the derived values a formula names, the spec's named values, or both. */
    enum View {
        /** Both kept: δ² in δ¹'s formula, a² = relu(z²) + a¹ as a². */
        NAMES(true, true),
        /** The derived values written out, the spec's kept. */
        DERIVED_WRITTEN(false, true),
        /** The spec's named sums written out where they are transposed or multiplied (a² as relu(z²) + a¹). */
        SPEC_WRITTEN(true, false);

        final boolean derived;
        final boolean spec;

        View(boolean derived, boolean spec) {
            this.derived = derived;
            this.spec = spec;
        }
    }

    /**
     * Both sides expanded, or null when an expansion grows past the budget. The derived value being checked
     * ({@code want}, the value of the formula {@code name}) is written out, unless it is a gradient whose value is
     * a δ (per sample, ∂C/∂b¹ is δ¹): a formula for it says δ¹ by name.
     *
     * @param lower σ′ and tanh′ written from the activation (for proofs), else the activation's derivative read
     *              back as σ′ and tanh′ (for naming what differs)
     */
    Pair expand(String name, Node yours, Node want, boolean lower, View view) {
        Set<Node> atoms = identitySet(view.spec ? named : List.of());
        Set<Node> frozen = identitySet(forward);
        boolean shared = name != null && !name.startsWith("delta_") && byName.entrySet().stream()
                .anyMatch(e -> e.getValue() == want && e.getKey().startsWith("delta_"));
        if (view.derived) {
            for (Node d : derived) {
                if (d != want || shared) {
                    atoms.add(d);
                    frozen.add(d);
                }
            }
        }
        Node y = yours;
        Node w = want;
        Map<String, Integer> fired = new LinkedHashMap<>();
        if (!lower) {
            Rewriter raising = new Rewriter(Rules.RAISING, builder, frozen);
            y = raising.rewrite(y);
            w = raising.rewrite(w);
            fired.putAll(raising.fired());
        }
        Rewriter rewriter = new Rewriter(Rules.expanded(lower), builder, frozen).budget(BUDGET);
        atoms.forEach(rewriter::markOpaque);
        try {
            y = rewriter.rewrite(y);
            w = rewriter.rewrite(w);
        } catch (Rewriter.TooLarge e) {
            return null;
        }
        rewriter.fired().forEach((rule, n) -> fired.merge(rule, n, Integer::sum));
        Rewriter.Context c = rewriter.context();
        Set<Node> names = identitySet(named);
        names.addAll(derived);
        return new Pair(y, w, terms(y, c), terms(w, c), new ArrayList<>(fired.keySet()), rewriter, atoms, names);
    }

    /** One expression in the normal form that names what differs (the other derived values as names). */
    Node normal(Node node) {
        Pair p = expand(null, node, node, false, View.NAMES);
        return p == null ? node : p.yours();
    }

    /** Whether the expression, in that normal form, is a product (after its scalar factors). */
    boolean isProduct(Node node) {
        Pair p = expand(null, node, node, false, View.NAMES);
        if (p == null) {
            return false;
        }
        Node m = Rules.monomial(p.context(), p.yours());
        Apply s = p.context().match(m, Op.SCALE);
        return p.context().match(s == null ? m : s.arg(1), Op.MATMUL) != null;
    }

    /** A leaf, a value the spec names, or a derived value: what a reason writes by its name. */
    boolean isName(Node node) {
        return !(node instanceof Apply) || named.contains(node) || derived.contains(node);
    }

    /** The terms of a sum in normal form: its right-nested + split, each term's coefficient taken out. */
    static List<Term> terms(Node sum, Rewriter.Context c) {
        List<Term> out = new ArrayList<>();
        Node rest = sum;
        while (true) {
            Apply add = c.match(rest, Op.ADD);
            if (add != null && !(add.arg(0).shape().equals(add.shape()) && add.arg(1).shape().equals(add.shape()))) {
                add = null; // a broadcast the rules left alone is one term
            }
            Node term = add == null ? rest : add.arg(0);
            double k = Rules.coefficient(c, term);
            if (k != 0) {
                out.add(new Term(k, Rules.monomial(c, term)));
            }
            if (add == null) {
                return out;
            }
            rest = add.arg(1);
        }
    }

    static Set<Node> identitySet(Collection<Node> nodes) {
        Set<Node> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(nodes);
        return set;
    }
}
