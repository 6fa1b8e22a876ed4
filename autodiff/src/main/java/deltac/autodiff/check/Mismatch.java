package deltac.autodiff.check;

import deltac.autodiff.simplify.Rewriter;
import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import java.util.List;
import java.util.Set;

/**
 * Finds the terms where a formula and its derivation part, for highlighting: the two trees are walked together
 * while they agree; where one side is the other with a factor or a term more, only that factor or term is marked;
 * a product is compared factor by factor, a transpose written or fused alike; elsewhere the two subterms are
 * marked whole. Two subterms agree when the proof rules bring them to one normal
 * form ({@code W.T * d} and the derived {@code Wᵀd} product do), so a formula written differently but equally is not
 * marked.
 */
final class Mismatch {
    /** Ops whose arguments may be swapped: a ⊙ b = b ⊙ a, a + b = b + a. */
    private static final Set<Op> COMMUTATIVE = Set.of(Op.ADD, Op.HADAMARD);

    /** The matrix product and its fused forms, compared factor by factor: {@code A.T * B} is the derived {@code AᵀB}. */
    private static final Set<Op> PRODUCTS = Set.of(Op.MATMUL, Op.MATMUL_TN, Op.MATMUL_NT);

    /** A factor of a product: the node written, the matrix under any transpose, and whether it is transposed. */
    private record Factor(Node written, Node base, boolean transposed) {
        static Factor[] of(Apply product) {
            return new Factor[] {
                factor(product.arg(0), product.op() == Op.MATMUL_TN),
                factor(product.arg(1), product.op() == Op.MATMUL_NT)};
        }

        private static Factor factor(Node written, boolean fused) {
            if (!fused && written instanceof Apply t && t.op() == Op.TRANSPOSE) {
                return new Factor(written, t.arg(0), true);
            }
            return new Factor(written, written, fused);
        }
    }

    private final Rewriter normal;
    private final Set<Node> yours;
    private final Set<Node> derived;

    private Mismatch(Rewriter normal, Set<Node> yours, Set<Node> derived) {
        this.normal = normal;
        this.yours = yours;
        this.derived = derived;
    }

    /** Marks into {@code yoursOut} and {@code derivedOut} the terms where {@code a} (yours) and {@code b} (derived) part. */
    static void mark(Rewriter normal, Node a, Node b, Set<Node> yoursOut, Set<Node> derivedOut) {
        new Mismatch(normal, yoursOut, derivedOut).walk(a, b);
    }

    private boolean same(Node a, Node b) {
        return a == b || normal.rewrite(a) == normal.rewrite(b);
    }

    private void walk(Node a, Node b) {
        if (same(a, b)) {
            return;
        }
        if (a instanceof Apply x && b instanceof Apply y && x.op() == y.op() && x.args().size() == y.args().size()
                && x.attr() == y.attr()) {
            List<Node> xs = x.args();
            List<Node> ys = y.args();
            if (xs.size() == 2 && COMMUTATIVE.contains(x.op()) && !same(xs.get(0), ys.get(0))
                    && (same(xs.get(0), ys.get(1)) || same(xs.get(1), ys.get(0)))) {
                ys = List.of(ys.get(1), ys.get(0));
            }
            for (int i = 0; i < xs.size(); i++) {
                walk(xs.get(i), ys.get(i));
            }
            return;
        }
        if (a instanceof Apply x && b instanceof Apply y && PRODUCTS.contains(x.op()) && PRODUCTS.contains(y.op())) {
            Factor[] xs = Factor.of(x);
            Factor[] ys = Factor.of(y);
            for (int i = 0; i < 2; i++) {
                if (xs[i].transposed() == ys[i].transposed()) {
                    walk(xs[i].base(), ys[i].base());
                } else {
                    yours.add(xs[i].written());
                    derived.add(ys[i].written());
                }
            }
            return;
        }
        if (b instanceof Apply y && markOthers(y, a, derived)) {
            return; // yours lacks a factor or a term of the derived value
        }
        if (a instanceof Apply x && markOthers(x, b, yours)) {
            return; // yours has one more
        }
        yours.add(a);
        derived.add(b);
    }

    /** When one argument of {@code outer} is {@code inner}, marks the others (or outer itself, when it has none). */
    private boolean markOthers(Apply outer, Node inner, Set<Node> marks) {
        for (int i = 0; i < outer.args().size(); i++) {
            if (same(outer.arg(i), inner)) {
                if (outer.args().size() == 1) {
                    marks.add(outer);
                }
                for (int j = 0; j < outer.args().size(); j++) {
                    if (j != i) {
                        marks.add(outer.arg(j));
                    }
                }
                return true;
            }
        }
        return false;
    }
}
