package deltac.autodiff.check;

import deltac.autodiff.check.Expansion.Term;
import deltac.autodiff.simplify.Rewriter;
import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What differs between a formula and its derivation, both sums of products ({@link Expansion}), as the fewest
 * edits of their terms: a term missing or extra, a coefficient, a factor of a ⊙ or a scalar factor missing or
 * extra, one value used for another, a transpose, a product's order. Terms pair up with the derivation's by the
 * edits that turn one into the other; the same edit in several terms counts once.
 */
final class TermDiff {
    /** Most edits that one term may need to be paired with another, rather than called missing and extra. */
    private static final int PAIRING = 2;

    enum Kind { MISSING_TERM, EXTRA_TERM, COEFFICIENT, MISSING_FACTOR, EXTRA_FACTOR, VARIABLE, TRANSPOSE, ORDER }

    /**
     * One edit: for a term, its coefficient and monomial on either side (absent: 0 and null); for a factor, the
     * factors (or products) as yours has it and as the derivation does.
     */
    record Edit(Kind kind, Node yours, Node want, double yourCoefficient, double wantCoefficient) {
        static Edit of(Kind kind, Node yours, Node want) {
            return new Edit(kind, yours, want, 0, 0);
        }
    }

    private final Expansion.Pair pair;
    private final Rewriter.Context c;
    private final java.util.Map<Edit, Set<Node>> from = new java.util.HashMap<>();

    TermDiff(Expansion.Pair pair) {
        this.pair = pair;
        this.c = pair.context();
    }

    /**
     * The distinct edits that turn the formula's terms into the derivation's, in the order found; none when the
     * two have no term in common and none alike (then every term would be "missing" and every other "extra").
     */
    Set<Edit> edits() {
        List<Term> yours = new ArrayList<>(pair.yourTerms());
        List<Term> want = new ArrayList<>(pair.wantTerms());
        Set<Edit> edits = new LinkedHashSet<>();
        for (Term w : List.copyOf(want)) {
            for (Term y : yours) {
                if (y.monomial() == w.monomial()) {
                    if (!close(y.coefficient(), w.coefficient())) {
                        edits.add(new Edit(Kind.COEFFICIENT, y.monomial(), w.monomial(), y.coefficient(), w.coefficient()));
                    }
                    yours.remove(y);
                    want.remove(w);
                    break;
                }
            }
        }
        // pair the rest, the closest first
        while (true) {
            List<Edit> best = null;
            Term by = null;
            Term bw = null;
            for (Term y : yours) {
                for (Term w : want) {
                    List<Edit> e = monomial(y.monomial(), w.monomial());
                    if (e != null && !close(y.coefficient(), w.coefficient())) {
                        e.add(new Edit(Kind.COEFFICIENT, y.monomial(), w.monomial(), y.coefficient(), w.coefficient()));
                    }
                    if (e != null && e.size() <= PAIRING && (best == null || e.size() < best.size())) {
                        best = e;
                        by = y;
                        bw = w;
                    }
                }
            }
            if (best == null) {
                break;
            }
            edits.addAll(best);
            for (Edit e : best) {
                from.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(by.monomial());
            }
            yours.remove(by);
            want.remove(bw);
        }
        if (!want.isEmpty() && !yours.isEmpty() && want.size() + yours.size() == pair.wantTerms().size()
                + pair.yourTerms().size()) {
            return Set.of(); // no term in common, none alike: a different formula, not an edit of this one
        }
        for (Term w : want) {
            edits.add(new Edit(Kind.MISSING_TERM, null, w.monomial(), 0, w.coefficient()));
        }
        for (Term y : yours) {
            edits.add(new Edit(Kind.EXTRA_TERM, y.monomial(), null, y.coefficient(), 0));
        }
        return edits;
    }

    /** The terms of yours (monomials) an edit was found in, when it was found pairing terms. */
    Set<Node> termsOf(Edit edit) {
        return from.getOrDefault(edit, Set.of());
    }

    /** The edits that turn one monomial into another, or null when they are not alike enough to say. */
    private List<Edit> monomial(Node yours, Node want) {
        List<Node> ys = new ArrayList<>();
        List<Node> ws = new ArrayList<>();
        Node y = scalars(yours, ys);
        Node w = scalars(want, ws);
        List<Edit> edits = factors(ys, ws);
        List<Edit> body = edits == null ? null : body(y, w);
        if (body == null) {
            return null;
        }
        edits.addAll(body);
        return edits;
    }

    /** Edits between two monomials without scalar factors: a ⊙ of factors, a product, or one factor. */
    private List<Edit> body(Node yours, Node want) {
        List<Edit> edits = new ArrayList<>();
        if (yours == want) {
            return edits;
        }
        if (!yours.shape().equals(want.shape())) {
            return null;
        }
        List<Node> hy = flatten(yours, Op.HADAMARD);
        List<Node> hw = flatten(want, Op.HADAMARD);
        if (hy.size() > 1 || hw.size() > 1) {
            return factors(hy, hw);
        }
        List<Node> py = flatten(yours, Op.MATMUL);
        List<Node> pw = flatten(want, Op.MATMUL);
        if (py.size() > 1 || pw.size() > 1) {
            Node t = transposed(yours);
            if (t == want) {
                edits.add(Edit.of(Kind.ORDER, yours, want));
                return edits;
            }
            List<Edit> same = factorwise(py, pw);
            // the transpose's factors against the derivation's: a product in the wrong order, and one more edit
            List<Edit> reversed = t == null ? null : factorwise(flatten(t, Op.MATMUL), pw);
            if (reversed != null && (same == null || reversed.size() + 1 <= same.size())) {
                reversed.add(0, Edit.of(Kind.ORDER, yours, t));
                return reversed;
            }
            if (same != null) {
                return same;
            }
            List<Node> rest = new ArrayList<>(pw);
            return py.size() == pw.size() && py.stream().allMatch(rest::remove)
                    ? new ArrayList<>(List.of(Edit.of(Kind.ORDER, yours, want))) : null;
        }
        Apply ty = c.match(yours, Op.TRANSPOSE);
        Apply tw = c.match(want, Op.TRANSPOSE);
        if (ty != null && tw != null && alike(ty.arg(0), tw.arg(0))) {
            edits.add(Edit.of(Kind.VARIABLE, ty.arg(0), tw.arg(0)));
        } else if (transposed(yours) == want) {
            edits.add(Edit.of(Kind.TRANSPOSE, yours, want));
        } else if (alike(yours, want)) {
            edits.add(Edit.of(Kind.VARIABLE, yours, want));
        } else {
            return null;
        }
        return edits;
    }

    /**
     * Two factors one may stand for the other in a reason: two names (a² for a¹), two functions of one argument
     * (relu′(z¹) for σ′(z¹), or a¹ = σ(z¹) for σ′(z¹)), one function of two arguments (σ′(z²) for σ′(z¹)), or a
     * value for a function of it (z² for softmax(z²)); not a name for any expression.
     */
    private boolean alike(Node yours, Node want) {
        if (isName(yours) && isName(want)) {
            return true;
        }
        if (isFunction(yours) && ((Apply) yours).arg(0) == want || isFunction(want) && ((Apply) want).arg(0) == yours) {
            return true;
        }
        return isFunction(yours) && isFunction(want) && (((Apply) yours).op() == ((Apply) want).op()
                || ((Apply) yours).args().equals(((Apply) want).args()));
    }

    private boolean isName(Node n) {
        return !(n instanceof Apply) || pair.names().contains(n);
    }

    private static boolean isFunction(Node n) {
        return n instanceof Apply a && isFunction(a);
    }

    private static boolean isFunction(Apply a) {
        return a.args().size() == 1 && a.op().notation() == Op.Notation.CALL && a.op() != Op.SUM_ROWS
                && a.op() != Op.SUM_COLS && a.op() != Op.SUM;
    }

    /** The edits of two products of as many factors, factor by factor, or null. */
    private List<Edit> factorwise(List<Node> yours, List<Node> want) {
        if (yours.size() != want.size()) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < yours.size(); i++) {
            List<Edit> e = body(yours.get(i), want.get(i));
            if (e == null) {
                return null;
            }
            edits.addAll(e);
        }
        return edits;
    }

    /** The factors (of a ⊙, or scalars) that only one side has, or that differ, paired the closest first. */
    private List<Edit> factors(List<Node> yours, List<Node> want) {
        List<Node> ry = new ArrayList<>(yours);
        List<Node> rw = new ArrayList<>();
        for (Node w : want) {
            if (!ry.remove(w)) {
                rw.add(w);
            }
        }
        List<Edit> edits = new ArrayList<>();
        while (!ry.isEmpty() && !rw.isEmpty()) {
            List<Edit> best = null;
            Node by = null;
            Node bw = null;
            for (Node y : ry) {
                for (Node w : rw) {
                    List<Edit> e = body(y, w);
                    if (e != null && (best == null || e.size() < best.size())) {
                        best = e;
                        by = y;
                        bw = w;
                    }
                }
            }
            if (best == null) {
                break;
            }
            edits.addAll(best);
            ry.remove(by);
            rw.remove(bw);
        }
        rw.forEach(w -> edits.add(Edit.of(Kind.MISSING_FACTOR, null, w)));
        ry.forEach(y -> edits.add(Edit.of(Kind.EXTRA_FACTOR, y, null)));
        return edits;
    }

    /** The monomial without its scalar factors (s in s · m, s not a constant), which go to {@code out}. */
    private Node scalars(Node m, List<Node> out) {
        Apply s = c.match(m, Op.SCALE);
        if (s != null && c.constant(s.arg(0)) == null) {
            out.addAll(flatten(s.arg(0), Op.HADAMARD));
            return s.arg(1);
        }
        return m;
    }

    /** The operands of a right-nested chain of one op. */
    private List<Node> flatten(Node n, Op op) {
        List<Node> out = new ArrayList<>();
        Node rest = n;
        Apply a;
        while ((a = c.match(rest, op)) != null) {
            out.add(a.arg(0));
            rest = a.arg(1);
        }
        out.add(rest);
        return out;
    }

    /** The transpose in normal form, or null. */
    Node transposed(Node n) {
        return pair.normal(c.apply(Op.TRANSPOSE, n));
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
