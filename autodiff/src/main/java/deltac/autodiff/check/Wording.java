package deltac.autodiff.check;

import deltac.autodiff.check.TermDiff.Edit;
import deltac.autodiff.print.Notation;
import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Edits said in words, in the spec's names and textbook notation: "your delta_z1 lacks the term …". */
final class Wording {
    private final Notation notation;
    private final Anatomy anatomy;

    Wording(Notation notation, Anatomy anatomy) {
        this.notation = notation;
        this.anatomy = anatomy;
    }

    /** The edits in words, one by one: "it uses W² where the derivative has (W²)ᵀ", "your delta_z1 lacks …". */
    List<String> say(String name, Collection<Edit> edits, TermDiff diff, Expansion.Pair pair) {
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (Edit e : edits) {
            if (e.kind() == TermDiff.Kind.MISSING_TERM) {
                String origin = anatomy.origin(name, e.want(), pair.atoms());
                missing.add(term(e.wantCoefficient(), e.want(), pair) + (origin == null ? "" : ", " + origin));
                continue;
            }
            if (e.kind() == TermDiff.Kind.EXTRA_TERM) {
                extra.add(term(e.yourCoefficient(), e.yours(), pair));
                continue;
            }
            // a factor found in some of yours' terms only: in which
            String in = diff.termsOf(e).size() == 1 && pair.yourTerms().size() > 1
                    ? " in its term " + term(1, diff.termsOf(e).iterator().next(), pair) : "";
            parts.add(switch (e.kind()) {
                case COEFFICIENT -> "it has " + term(e.yourCoefficient(), e.yours(), pair) + " where the derivative has "
                        + term(e.wantCoefficient(), e.want(), pair);
                case MISSING_FACTOR -> "your " + name + " lacks the factor " + factor(e.want()) + in;
                case EXTRA_FACTOR -> "your " + name + " has an extra factor " + factor(e.yours()) + in;
                case VARIABLE -> "it uses " + named(e.yours()) + " where the derivative has " + named(e.want());
                case TRANSPOSE -> uses(e.yours(), e.want());
                case ORDER -> order(notation.text(e.yours()), notation.text(e.want()));
                default -> throw new IllegalStateException("terms are said together");
            });
        }
        if (!missing.isEmpty()) {
            parts.add(0, "your " + name + (missing.size() == 1 ? " lacks the term " : " lacks the terms ")
                    + String.join(" and ", missing));
        }
        if (!extra.isEmpty()) {
            parts.add("your " + name + (extra.size() == 1 ? " has an extra term " : " has the extra terms ")
                    + String.join(" and ", extra));
        }
        return parts;
    }

    /** Reasons joined: "it uses W² where the derivative has (W²)ᵀ, and your delta_z1 lacks the factor ⊙ σ′(z¹)". */
    static String join(List<String> reasons) {
        return String.join(", and ", reasons);
    }

    /**
     * The factors of each ⊙ with the activations' derivatives last, as textbooks write (Wᵀ δ) ⊙ σ′(z): the
     * normal form orders them by a key that means nothing to a reader.
     */
    private static Node derivativesLast(Node n, deltac.autodiff.simplify.Rewriter.Context ctx) {
        Apply a = ctx.match(n, Op.HADAMARD);
        if (a == null) {
            Apply other = n instanceof Apply x && x.args().size() == 2 && x.op() != Op.HADAMARD ? ctx.match(n, x.op()) : null;
            return other == null ? n : ctx.apply(other.op(), other.attr(),
                    derivativesLast(other.arg(0), ctx), derivativesLast(other.arg(1), ctx));
        }
        List<Node> factors = new ArrayList<>();
        Node rest = n;
        while ((a = ctx.match(rest, Op.HADAMARD)) != null) {
            factors.add(derivativesLast(a.arg(0), ctx));
            rest = a.arg(1);
        }
        factors.add(derivativesLast(rest, ctx));
        List<Node> sorted = new ArrayList<>(factors.stream().filter(f -> !isDerivative(f)).toList());
        sorted.addAll(factors.stream().filter(Wording::isDerivative).toList());
        Node out = sorted.get(sorted.size() - 1);
        for (int i = sorted.size() - 2; i >= 0; i--) {
            out = ctx.apply(Op.HADAMARD, sorted.get(i), out);
        }
        return out;
    }

    private static boolean isDerivative(Node n) {
        return n instanceof Apply a && a.op().name().endsWith("_PRIME");
    }

    /** "it uses W² where the derivative has (W²)ᵀ". */
    String uses(Node yours, Node want) {
        return "it uses " + notation.text(yours) + " where the derivative has " + notation.text(want);
    }

    static String order(String yours, String want) {
        return "the product's factors are in the wrong order: " + yours + " where the derivative has " + want;
    }

    /** A value with what it is: "a² (layer 2's activation)". */
    String named(Node value) {
        String role = anatomy.role(value);
        return notation.text(value) + (role == null ? "" : " (" + role + ")");
    }

    /** "⊙ σ′(z¹)" for a factor of a ⊙, "1/n (the mean over the batch's n samples)" for a scalar. */
    private String factor(Node f) {
        if (!f.shape().isScalar()) {
            return "⊙ " + notation.text(f);
        }
        boolean mean = f instanceof Apply d && d.op() == Op.DIVIDE && d.arg(1) instanceof Apply n && n.op() == Op.COLS
                && n.arg(0).shape().cols() == Shape.N;
        return notation.text(f) + (mean ? " (the mean over the batch's n samples)" : "");
    }

    /** c · m as a textbook writes it: m, −m, 0.002 W¹, ((W³)ᵀ δ³) ⊙ relu′(z¹). */
    private String term(double c, Node monomial, Expansion.Pair pair) {
        var ctx = pair.context();
        Node m = derivativesLast(monomial, ctx);
        Node t = c == 1 ? m : c == -1 ? ctx.apply(Op.NEG, m) : c < 0
                ? ctx.apply(Op.NEG, ctx.apply(Op.SCALE, ctx.constant(-c, Shape.SCALAR), m))
                : ctx.apply(Op.SCALE, ctx.constant(c, Shape.SCALAR), m);
        return notation.text(t);
    }
}
