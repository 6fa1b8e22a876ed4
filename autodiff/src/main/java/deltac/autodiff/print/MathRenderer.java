package deltac.autodiff.print;

import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.ExprPrinter;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Param;
import deltac.graph.Shape;
import java.util.function.Function;

/**
 * Writes an expression as mathematics, in Unicode text or LaTeX: products by juxtaposition, ⊙ for the
 * Hadamard product with its factors parenthesized as textbooks do, ᵀ for transposes, 1/n for the mean.
 */
final class MathRenderer {
    private static final int SUM = 1;
    private static final int HADAMARD = 2;
    private static final int PRODUCT = 3;
    private static final int POSTFIX = 4;
    private static final int ATOM = 5;

    /** A rendered piece: its text, how tightly it binds, and whether it ends in a raised index. */
    private record Piece(String text, int precedence, boolean raised) {}

    private final boolean latex;
    private final Function<Node, String> names;
    private final Marks marks;
    private final boolean groupScalars;

    /** @param names a node's written name (already in this renderer's notation), or null to expand it */
    MathRenderer(boolean latex, Function<Node, String> names) {
        this(latex, names, Marks.NONE, false);
    }

    /** @param marks wraps each term's LaTeX (the root's definition excepted); ignored for text */
    MathRenderer(boolean latex, Function<Node, String> names, Marks marks) {
        this(latex, names, marks, false);
    }

    /** @param groupScalars a scalar factor that is itself a product in parentheses: (aᵀ y) a, not aᵀ y a */
    MathRenderer(boolean latex, Function<Node, String> names, boolean groupScalars) {
        this(latex, names, Marks.NONE, groupScalars);
    }

    private MathRenderer(boolean latex, Function<Node, String> names, Marks marks, boolean groupScalars) {
        this.latex = latex;
        this.names = names;
        this.marks = marks;
        this.groupScalars = groupScalars;
    }

    String render(Node node) {
        return piece(node).text;
    }

    /** The root's definition, even when the root has a name. */
    String define(Node root) {
        return root instanceof Apply a ? apply(a).text : render(root);
    }

    private Piece piece(Node node) {
        Piece p = unmarked(node);
        return latex && marks != Marks.NONE ? new Piece(marks.mark(node, p.text), p.precedence, p.raised) : p;
    }

    private Piece unmarked(Node node) {
        String name = names.apply(node);
        if (name != null) {
            return new Piece(name, ATOM, name.endsWith("}") || raisedText(name));
        }
        if (node instanceof Input i) {
            return leaf(i.name());
        }
        if (node instanceof Param p) {
            return leaf(p.name());
        }
        if (node instanceof Const c) {
            return number(c.value());
        }
        return apply((Apply) node);
    }

    private Piece leaf(String name) {
        return new Piece(latex ? Symbols.latex(name) : Symbols.text(name), ATOM, Symbols.indexed(name));
    }

    private static boolean raisedText(String s) {
        char last = s.charAt(s.length() - 1);
        return "⁰¹²³⁴⁵⁶⁷⁸⁹ᵀ".indexOf(last) >= 0;
    }

    private Piece number(double v) {
        String s = ExprPrinter.number(v);
        int e = s.indexOf('e');
        if (e >= 0) {
            String mantissa = s.substring(0, e);
            String exponent = s.substring(e + 1);
            s = latex ? (mantissa.equals("1") ? "" : mantissa + " \\times ") + "10^{" + exponent + "}"
                    : (mantissa.equals("1") ? "" : mantissa + "·") + "10" + superscriptSigned(exponent);
        }
        if (s.startsWith("-")) {
            return new Piece((latex ? "-" : "−") + s.substring(1), HADAMARD, false);
        }
        return new Piece(s, ATOM, false);
    }

    private static String superscriptSigned(String exponent) {
        return exponent.startsWith("-") ? "⁻" + Symbols.superscript(exponent.substring(1)) : Symbols.superscript(exponent);
    }

    private String wrap(Piece p, int atLeast) {
        if (p.precedence >= atLeast) {
            return p.text;
        }
        return latex ? "\\left(" + p.text + "\\right)" : "(" + p.text + ")";
    }

    private Piece postfix(Node operand, String mark) {
        Piece p = piece(operand);
        String base = p.raised || p.precedence < ATOM ? (latex ? "\\left(" + p.text + "\\right)" : "(" + p.text + ")") : p.text;
        return new Piece(base + mark, POSTFIX, true);
    }

    private String transposeMark() {
        return latex ? "^{\\top}" : "ᵀ";
    }

    private Piece call(String function, Node... args) {
        StringBuilder out = new StringBuilder(function).append(latex ? "\\left(" : "(");
        for (int i = 0; i < args.length; i++) {
            out.append(i > 0 ? ", " : "").append(piece(args[i]).text);
        }
        return new Piece(out.append(latex ? "\\right)" : ")").toString(), ATOM, false);
    }

    private String fn(String text, String tex) {
        return latex ? tex : text;
    }

    private Piece binary(Node a, String op, Node b, int precedence, int left, int right) {
        return new Piece(wrap(piece(a), left) + op + wrap(piece(b), right), precedence, false);
    }

    private Piece product(Piece a, Piece b) {
        return new Piece(wrap(a, PRODUCT) + (latex ? " \\, " : " ") + wrap(b, POSTFIX), PRODUCT, false);
    }

    private Piece apply(Apply a) {
        Node x = a.arg(0);
        Node y = a.args().size() > 1 ? a.arg(1) : null;
        return switch (a.op()) {
            case ADD -> binary(x, " + ", y, SUM, SUM, SUM);
            case SUB -> binary(x, latex ? " - " : " − ", y, SUM, SUM, HADAMARD);
            case MATMUL -> product(piece(x), piece(y));
            case MATMUL_TN -> product(postfix(x, transposeMark()), piece(y));
            case MATMUL_NT -> product(piece(x), postfix(y, transposeMark()));
            case SCALE -> product(scalar(x), piece(y));
            case DIVIDE -> latex ? new Piece("\\frac{" + render(x) + "}{" + render(y) + "}", ATOM, false)
                    : x instanceof Const c && c.value() < 0 // −c/s, as −(c/s) reads: not (−c)/s
                    ? new Piece("−" + number(-c.value()).text + "/" + wrap(piece(y), POSTFIX), HADAMARD, false)
                    : new Piece(wrap(piece(x), POSTFIX) + "/" + wrap(piece(y), POSTFIX), PRODUCT, false);
            case NEG -> new Piece((latex ? "-" : "−") + wrap(piece(x), PRODUCT), HADAMARD, false);
            case TRANSPOSE -> postfix(x, transposeMark());
            case HADAMARD -> binary(x, latex ? " \\odot " : " ⊙ ", y, HADAMARD, POSTFIX, POSTFIX);
            case SIGMOID -> call(fn("σ", "\\sigma"), x);
            case TANH -> call(fn("tanh", "\\tanh"), x);
            case RELU -> call(fn("relu", "\\operatorname{relu}"), x);
            case LEAKY_RELU -> callWithAttr(fn("leakyRelu", "\\operatorname{leakyRelu}"), x, a.attr());
            case EXP -> call(fn("exp", "\\exp"), x);
            case LOG -> call(fn("log", "\\log"), x);
            case SQUARE -> postfix(x, latex ? "^{2}" : "²");
            case SQRT -> latex ? new Piece("\\sqrt{" + render(x) + "}", ATOM, false) : new Piece("√" + wrap(piece(x), ATOM), ATOM, false);
            case ABS -> new Piece(latex ? "\\left|" + render(x) + "\\right|" : "|" + render(x) + "|", ATOM, false);
            case SOFTMAX -> call(fn("softmax", "\\operatorname{softmax}"), x);
            case LOG_SOFTMAX -> call(fn("log softmax", "\\log\\operatorname{softmax}"), x);
            case SUM -> call(fn("Σ", "\\textstyle\\sum"), x);
            case SUM_ROWS -> product(piece(x), ones(x.shape().cols(), false));
            case SUM_COLS -> product(ones(x.shape().rows(), true), piece(x));
            case MEAN -> call(fn("mean", "\\operatorname{mean}"), x);
            case MSE -> call(fn("mse", "\\operatorname{mse}"), x, y);
            case CROSS_ENTROPY -> call(fn("crossEntropy", "\\operatorname{CE}"), x, y);
            case BINARY_CROSS_ENTROPY -> call(fn("binaryCrossEntropy", "\\operatorname{BCE}"), x, y);
            case SIGMOID_PRIME -> call(fn("σ′", "\\sigma'"), x);
            case TANH_PRIME -> call(fn("tanh′", "\\tanh'"), x);
            case RELU_PRIME -> call(fn("relu′", "\\operatorname{relu}'"), x);
            case LEAKY_RELU_PRIME -> callWithAttr(fn("leakyRelu′", "\\operatorname{leakyRelu}'"), x, a.attr());
            case SIGN -> call(fn("sign", "\\operatorname{sign}"), x);
            case COLS -> x.shape().cols() == Shape.N ? new Piece("n", ATOM, false) : number(x.shape().cols());
        };
    }

    /** A scalar factor: 1/n is written (1/n), or \frac{1}{n}. */
    private Piece scalar(Node s) {
        Piece p = piece(s);
        if (s instanceof Apply a && a.op() == Op.DIVIDE && !latex) {
            return new Piece("(" + p.text + ")", ATOM, false);
        }
        if (groupScalars && s instanceof Apply a && p.precedence < ATOM && names.apply(s) == null
                && (a.op() == Op.MATMUL || a.op() == Op.MATMUL_TN || a.op() == Op.MATMUL_NT || a.op() == Op.HADAMARD)) {
            return new Piece(latex ? "\\left(" + p.text + "\\right)" : "(" + p.text + ")", ATOM, false);
        }
        return p;
    }

    private Piece callWithAttr(String function, Node x, double attr) {
        Piece p = call(function, x);
        String close = latex ? "\\right)" : ")";
        String text = p.text.substring(0, p.text.length() - close.length()) + ", " + ExprPrinter.number(attr) + close;
        return new Piece(text, ATOM, false);
    }

    /** The column (or, transposed, the row) of ones that sums a matrix's columns (rows): 1ₙ. */
    private Piece ones(int length, boolean transposed) {
        String size = Shape.dim(length);
        String text = latex ? "\\mathbf{1}_{" + size + "}" + (transposed ? "^{\\top}" : "")
                : "1" + Symbols.subscript(size) + (transposed ? "ᵀ" : "");
        return new Piece(text, POSTFIX, transposed);
    }
}
