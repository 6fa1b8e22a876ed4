package deltac.graph;

import java.util.function.Function;

/** Prints an expression in spec syntax, naming the nodes that have names; deep expressions are elided. */
public final class ExprPrinter {
    private static final int MAX_DEPTH = 8;

    private final Function<Node, String> names;

    /** @param names the name of a node, or null to print it as an expression */
    public ExprPrinter(Function<Node, String> names) {
        this.names = names;
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
        if (depth > MAX_DEPTH) {
            out.append('…');
            return;
        }
        if (node instanceof Input i) {
            out.append(i.name());
        } else if (node instanceof Param p) {
            out.append(p.name());
        } else if (node instanceof Const c) {
            out.append(c.shape().isScalar() ? number(c.value()) : "fill(" + number(c.value()) + ", " + c.shape() + ")");
        } else {
            printApply((Apply) node, outerPrecedence, depth, out);
        }
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
