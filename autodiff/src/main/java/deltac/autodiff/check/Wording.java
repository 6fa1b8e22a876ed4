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

    /** The edits, joined: "it uses W² where the derivative has (W²)ᵀ, and your delta_z1 lacks the factor ⊙ σ′(z¹)". */
    String say(String name, Collection<Edit> edits, Expansion.Pair pair) {
        List<String> parts = new ArrayList<>();
        for (Edit e : edits) {
            parts.add(switch (e.kind()) {
                case MISSING_TERM -> {
                    String origin = anatomy.origin(name, e.want(), pair.atoms());
                    yield "your " + name + " lacks the term " + term(e.wantCoefficient(), e.want(), pair)
                            + (origin == null ? "" : ", " + origin);
                }
                case EXTRA_TERM -> "your " + name + " has an extra term " + term(e.yourCoefficient(), e.yours(), pair);
                case COEFFICIENT -> "it has " + term(e.yourCoefficient(), e.yours(), pair) + " where the derivative has "
                        + term(e.wantCoefficient(), e.want(), pair);
                case MISSING_FACTOR -> "your " + name + " lacks the factor " + factor(e.want());
                case EXTRA_FACTOR -> "your " + name + " has an extra factor " + factor(e.yours());
                case VARIABLE -> "it uses " + named(e.yours()) + " where the derivative has " + named(e.want());
                case TRANSPOSE -> uses(e.yours(), e.want());
                case ORDER -> order(notation.text(e.yours()), notation.text(e.want()));
            });
        }
        return String.join(", and ", parts);
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

    /** c · m as a textbook writes it: m, −m, 0.002 W¹. */
    private String term(double c, Node m, Expansion.Pair pair) {
        var ctx = pair.context();
        Node t = c == 1 ? m : c == -1 ? ctx.apply(Op.NEG, m) : ctx.apply(Op.SCALE, ctx.constant(c, Shape.SCALAR), m);
        return notation.text(t);
    }
}
