package deltac.autodiff.check;

import deltac.autodiff.print.Notation;
import deltac.graph.GraphBuilder;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.graph.ShapeException;
import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Formulas;
import deltac.graph.spec.Repairs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says which mistake gave a formula the wrong shape, when the shapes do not fit: the file is read again past its
 * shape errors ({@link Formulas#readRepairing}), each op that did not fit read with its arguments transposed or
 * swapped, and a repair that makes the formula equal to the derivation (on random instances) names the mistake:
 * a product in the wrong order, a transpose missing or extra, a bias gradient not summed over the batch, a value
 * for another of another size. The diagnostic stays the error it was, with the reason after it.
 */
final class Misshapen {
    /** Most readings tried, each with other choices at the ops that did not fit. */
    private static final int READINGS = 16;

    private final String text;
    private final String file;
    private final GraphBuilder builder;
    private final Map<String, Node> names;
    private final Map<String, Shape> expected;
    private final Map<String, Node> derived;
    private final Diagnosis diagnosis;
    private final Wording wording;
    private final Notation notation;
    private final Expansion expansion;

    Misshapen(String text, String file, GraphBuilder builder, Map<String, Node> names, Map<String, Shape> expected,
              Map<String, Node> derived, Diagnosis diagnosis, Wording wording, Notation notation, Expansion expansion) {
        this.text = text;
        this.file = file;
        this.builder = builder;
        this.names = names;
        this.expected = expected;
        this.derived = derived;
        this.diagnosis = diagnosis;
        this.wording = wording;
        this.notation = notation;
        this.expansion = expansion;
    }

    /** The error with the mistake behind it named, or as it was: the reading that needs the fewest edits. */
    Diagnostic explain(Diagnostic error) {
        try {
            return explainHere(error);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return error; // a reason is a courtesy on top of the error, which stands as it was
        }
    }

    private Diagnostic explainHere(Diagnostic error) {
        List<String> best = null;
        List<List<Integer>> pending = new ArrayList<>(List.of(List.of()));
        for (int tried = 0; tried < READINGS && !pending.isEmpty(); tried++) {
            List<Integer> choices = pending.remove(0);
            Repairs repairs = new Repairs(choices);
            Formulas.Result read = Formulas.readRepairing(text, file, builder, names, expected, repairs);
            Formulas.Formula f = read.ok() ? misshapen(read, repairs) : null;
            if (f == null || !repairs.made().isEmpty() && !repairs.made().get(0).formula().equals(f.name())) {
                break; // not read at all, or first repaired in a helper the formula uses: too far from it to say
            }
            List<Repairs.Repair> made = repairs.made().stream().filter(r -> r.formula().equals(f.name())).toList();
            List<String> reason = reason(f, made);
            if (reason != null && (best == null || reason.size() < best.size())) {
                best = reason;
            }
            // the same reading with another choice at one repair
            for (int i = 0; i < made.size(); i++) {
                List<Integer> next = new ArrayList<>(choices);
                while (next.size() <= i) {
                    next.add(0);
                }
                if (next.get(i) + 1 < made.get(i).ways()) {
                    next.set(i, next.get(i) + 1);
                    pending.add(next);
                }
            }
        }
        return best == null ? error : new Diagnostic(error.file(), error.line(), error.column(), error.severity(),
                error.message() + "; " + Wording.join(best));
    }

    /** The first formula read otherwise than written: repaired inside, or of the wrong shape. */
    private Formulas.Formula misshapen(Formulas.Result read, Repairs repairs) {
        for (Formulas.Formula f : read.formulas()) {
            boolean repaired = repairs.made().stream().anyMatch(r -> r.formula().equals(f.name()));
            if (repaired || !f.value().shape().equals(expected.get(f.name()))) {
                return f;
            }
        }
        return null;
    }

    /** Why this reading of the formula is the derivation, or null when it is not (even after an edit or two). */
    private List<String> reason(Formulas.Formula f, List<Repairs.Repair> made) {
        Node want = derived.get(f.name());
        List<String> said = new ArrayList<>();
        made.forEach(r -> said.add(repair(r)));
        Node value = f.value();
        if (!value.shape().equals(want.shape())) {
            List<String> whole = whole(f.name(), value, want);
            if (whole == null) {
                return null;
            }
            said.addAll(whole);
        } else if (!diagnosis.equal(value, want)) {
            List<String> more = diagnosis.byTerms(f.name(), value, want);
            if (more == null) {
                return null;
            }
            said.addAll(more);
        }
        return said.isEmpty() || said.size() > Diagnosis.EDITS ? null : said;
    }

    /** An edit of the whole formula that gives it the derivation's shape: the edit, and what it says. */
    private record Whole(Node value, String exact, String among) {}

    /**
     * The edits of the whole formula that give it the derivation's shape and value: its transpose, its sum over
     * the batch, a value for another of another size; or one of the first two and one edit of its terms.
     */
    private List<String> whole(String name, Node value, Node want) {
        List<Whole> edits = new ArrayList<>();
        Node t = op(Op.TRANSPOSE, value);
        if (t != null && t.shape().equals(want.shape())) {
            String yours = notation.text(expansion.normal(value));
            String theirs = notation.text(expansion.normal(want));
            edits.add(expansion.isProduct(value)
                    ? new Whole(t, Wording.order(yours, theirs), "the product's factors are in the wrong order")
                    : new Whole(t, "your " + name + " is the transpose of the derivative: " + yours + " where it has "
                            + theirs, "your " + name + " is the transpose of the derivative"));
        }
        if (value instanceof deltac.graph.Apply m && m.op() == Op.MATMUL) {
            // a product that fits but has the wrong shape: its factors swapped, or its transposes moved
            Node a = m.arg(0);
            Node b = m.arg(1);
            String theirs = notation.text(expansion.normal(want));
            String written = notation.text(value);
            Node at = op(Op.TRANSPOSE, a);
            Node bt = op(Op.TRANSPOSE, b);
            for (Node[] way : new Node[][] {{b, a}, {at, bt}, {b, at}, {bt, a}}) {
                Node product = op(Op.MATMUL, way);
                if (product != null && product.shape().equals(want.shape())) {
                    boolean swapped = way[0] == b || way[0] == bt;
                    edits.add(new Whole(product, swapped ? Wording.order(written, theirs)
                            : "the transposes are on the wrong factors: " + written + " where the derivative has " + theirs,
                            swapped ? "the product's factors are in the wrong order" : "the transposes are on the wrong factors"));
                }
            }
        }
        if (want.shape().isColumn() && value.shape().rows() == want.shape().rows() && value.shape().cols() == Shape.N) {
            String summed = "your " + name + " is not summed over the batch: the derivative has "
                    + notation.text(expansion.normal(want));
            edits.add(new Whole(op(Op.SUM_ROWS, value), summed, "your " + name + " is not summed over the batch"));
        }
        for (Whole e : edits) {
            if (diagnosis.equal(e.value(), want)) {
                return List.of(e.exact());
            }
        }
        List<Node> written = writtenNames(value);
        for (Node used : diagnosis.namedValues().values()) {
            if (!written.contains(used)) {
                continue;
            }
            for (Node other : diagnosis.namedValues().values()) {
                if (other != used && !other.shape().equals(used.shape())) {
                    Node swapped = diagnosis.substitute(value, used, other);
                    if (swapped != null && swapped.shape().equals(want.shape()) && diagnosis.equal(swapped, want)) {
                        return List.of("it uses " + wording.named(used) + " where the derivative has " + wording.named(other));
                    }
                }
            }
        }
        for (Whole e : edits) {
            List<String> more = diagnosis.byTerms(name, e.value(), want);
            if (more != null && more.size() == 1) {
                return List.of(e.among(), more.get(0));
            }
        }
        return null;
    }

    /** The names a formula writes: its leaves and named values, not what the named values are made of. */
    private List<Node> writtenNames(Node root) {
        List<Node> out = new ArrayList<>();
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (expansion.isName(n)) {
                out.add(n);
            } else if (n instanceof deltac.graph.Apply a) {
                a.args().forEach(todo::push);
            }
        }
        return out;
    }

    /** What a repair says the mistake was: a product's order, or which argument wanted a transpose. */
    private String repair(Repairs.Repair r) {
        Node a = r.written().get(0);
        Node b = r.written().get(1);
        Node ra = r.read().get(0);
        Node rb = r.read().get(1);
        String written = notation.text(r.op(), r.written());
        Node read = op(r.op(), ra, rb);
        if (r.op() == Op.MATMUL && (ra == b || isTransposeOf(ra, b))) {
            return Wording.order(written, notation.text(expansion.normal(read)));
        }
        if (ra != a && rb != b) {
            return "the transposes are on the wrong factors: " + written + " where the derivative has "
                    + notation.text(expansion.normal(read));
        }
        Node which = ra != a ? a : b;
        Node transposed = expansion.normal(ra != a ? ra : rb);
        boolean name = expansion.isName(which) || which instanceof deltac.graph.Apply t && t.op() == Op.TRANSPOSE
                && expansion.isName(t.arg(0));
        return name ? wording.uses(which, transposed)
                : "it has " + notation.text(which) + " where the derivative has its transpose, " + notation.text(transposed);
    }

    private static boolean isTransposeOf(Node n, Node of) {
        return n instanceof deltac.graph.Apply t && t.op() == Op.TRANSPOSE && t.arg(0) == of;
    }

    private Node op(Op op, Node... args) {
        try {
            return op == Op.MATMUL ? builder.times(args[0], args[1]) : builder.apply(op, args);
        } catch (ShapeException e) {
            return null;
        }
    }
}
