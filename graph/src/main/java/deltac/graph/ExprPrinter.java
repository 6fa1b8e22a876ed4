package deltac.graph;

import java.util.function.Function;

/** Prints an expression in spec syntax, naming the nodes that have names; deep expressions may be elided. */
public final class ExprPrinter {
    /** How deep a summary (a message, the graph listing) prints before it writes … */
    private static final int SUMMARY_DEPTH = 8;

    private final Function<Node, String> names;
    private final int maxDepth;

    /** A printer for summaries: below 8 levels an expression is written as …. */
    public ExprPrinter(Function<Node, String> names) {
        this(names, SUMMARY_DEPTH);
    }

    /**
     * @param names    the name of a node, or null to print it as an expression
     * @param maxDepth the depth below which an expression is written as …; {@link Integer#MAX_VALUE} for text
     *                 that is read back (formulas), which must be whole
     */
    public ExprPrinter(Function<Node, String> names, int maxDepth) {
        this.names = names;
        this.maxDepth = maxDepth;
    }

    public String print(Node node) {
        StringBuilder out = new StringBuilder();
        print(node, 0, 0, out);
        return out.toString();
    }

    /** The op at the root with its arguments printed (by name where they have one), even if the root is named. */
    public String definition(Apply root) {
        StringBuilder out = new StringBuilder();
        printApply(root, 0, 0, out);
        return out.toString();
    }

    /** A number as a spec would write it: integers without a fraction. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        return (mantissa.endsWith(".0") ? mantissa.substring(0, mantissa.length() - 2) : mantissa) + "e" + s.substring(e + 1);
    }

    private void print(Node node, int outerPrecedence, int depth, StringBuilder out) {
        String name = names.apply(node);
        if (name != null) {
            out.append(name);
            return;
        }
        if (depth > maxDepth) {
            out.append('…');
            return;
        }
        if (node instanceof Input i) {
            out.append(i.name());
        } else if (node instanceof Param p) {
            out.append(p.name());
        } else if (node instanceof Const c) {
            out.append(constant(c, outerPrecedence));
        } else {
            printApply((Apply) node, outerPrecedence, depth, out);
        }
    }

    /** A constant as a spec writes it: a number, or a matrix of ones, scaled. */
    private static String constant(Const c, int outerPrecedence) {
        if (c.shape().isScalar()) {
            return number(c.value());
        }
        String ones = "ones(" + dimension(c.shape().rows()) + ", " + dimension(c.shape().cols()) + ")";
        if (c.value() == 1) {
            return ones;
        }
        String scaled = number(c.value()) + " * " + ones;
        return Op.SCALE.precedence() < outerPrecedence ? "(" + scaled + ")" : scaled;
    }

    private static String dimension(int d) {
        return d == Shape.N ? "n" : Integer.toString(d);
    }

    private void printApply(Apply a, int outerPrecedence, int depth, StringBuilder out) {
        Op op = a.op();
        if (op == Op.COLS && a.arg(0).shape().cols() == Shape.N) {
            out.append('n'); // the batch size, as a spec or hand-derived formula writes it
            return;
        }
        boolean parens = op.notation() != Op.Notation.CALL && op.precedence() < outerPrecedence;
        if (parens) {
            out.append('(');
        }
        switch (op.notation()) {
            case INFIX -> {
                print(a.arg(0), op == Op.MATMUL_TN ? Op.TRANSPOSE.precedence() : op.precedence(), depth + 1, out);
                out.append(op == Op.MATMUL_TN ? ".T" : "").append(' ').append(op.token()).append(' ');
                // left-associative: the right side needs parentheses at equal precedence
                print(a.arg(1), op == Op.MATMUL_NT ? Op.TRANSPOSE.precedence() : op.precedence() + 1, depth + 1, out);
                out.append(op == Op.MATMUL_NT ? ".T" : "");
            }
            case PREFIX -> {
                out.append(op.token());
                print(a.arg(0), op.precedence(), depth + 1, out);
            }
            case POSTFIX -> {
                print(a.arg(0), op.precedence() + 1, depth + 1, out);
                out.append(op.token());
            }
            case CALL -> {
                out.append(op.token()).append('(');
                for (int i = 0; i < a.args().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    print(a.arg(i), 0, depth + 1, out);
                }
                if (op.hasAttribute()) {
                    out.append(", ").append(number(a.attr()));
                }
                out.append(')');
            }
        }
        if (parens) {
            out.append(')');
        }
    }
}
