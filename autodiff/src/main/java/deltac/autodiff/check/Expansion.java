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
                Rewriter rewriter, Set<Node> atoms) {
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

    /**
     * @param forward every node of the forward graph (never rewritten)
     * @param named   the spec's named values: nothing looks inside them
     * @param derived the derived values a formula may name
     */
    Expansion(GraphBuilder builder, Set<Node> forward, Collection<Node> named, Collection<Node> derived) {
        this.builder = builder;
        this.forward = forward;
        this.named = identitySet(named);
        this.derived = derived;
    }

    /**
     * Both sides expanded, or null when an expansion grows past the budget.
     *
     * @param lower     σ′ and tanh′ written from the activation (for proofs), else the activation's derivative
     *                  read back as σ′ and tanh′ (for naming what differs)
     * @param keepNames the derived values other than {@code want} itself stay names (want too, when another
     *                  derived name has its value)
     */
    Pair expand(Node yours, Node want, boolean lower, boolean keepNames) {
        Set<Node> atoms = identitySet(named);
        Set<Node> frozen = identitySet(forward);
        // want stays a name too when it has another (per sample, ∂C/∂b¹ is δ¹), so that yours may be said in it
        boolean shared = derived.stream().filter(d -> d == want).count() > 1;
        if (keepNames) {
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
        return new Pair(y, w, terms(y, c), terms(w, c), new ArrayList<>(fired.keySet()), rewriter, atoms);
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
