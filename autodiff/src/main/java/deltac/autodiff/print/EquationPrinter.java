package deltac.autodiff.print;

import deltac.autodiff.print.Equations.Equation;
import deltac.autodiff.print.Equations.Kind;
import deltac.graph.Apply;
import deltac.graph.ExprPrinter;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import java.util.List;

/** Prints {@link Equations} in one {@link Format}. */
final class EquationPrinter {
    private final Equations equations;
    private final Format format;
    private final boolean onlyOneDelta;

    EquationPrinter(Equations equations, Format format) {
        this.equations = equations;
        this.format = format;
        this.onlyOneDelta = equations.all().stream().filter(e -> e.kind() == Kind.DELTA).count() == 1;
    }

    String print() {
        Graph graph = equations.derivation().graph();
        String form = equations.isBatch() ? "batch form: a column per sample, n samples" : "per sample";
        List<Equation> forward = equations.forward();
        List<Equation> backward = equations.backward();
        StringBuilder out = new StringBuilder();
        switch (format) {
            case TEXT -> {
                out.append(graph.name()).append(" (").append(graph.sourceFile()).append("), ").append(form).append("\n\n");
                section(out, "Forward", forward);
                out.append('\n');
                section(out, "Backward", backward);
            }
            case ASCII -> {
                out.append("// ").append(graph.name()).append(" (").append(graph.sourceFile()).append("), ").append(form).append('\n');
                out.append("// forward\n");
                for (Equation e : forward) {
                    out.append("// ").append(e.symbol()).append(" = ").append(ascii(e)).append('\n');
                }
                out.append("// backward\n");
                for (Equation e : backward) {
                    // a shared term is a local the formulas reader takes as a helper, so this block checks as is
                    out.append(e.kind() == Kind.SHARED ? "Matrix " : "").append(e.symbol()).append(" = ")
                            .append(ascii(e)).append(";\n");
                }
            }
            case LATEX -> {
                out.append("% ").append(graph.name()).append(" (").append(graph.sourceFile()).append("), ").append(form).append('\n');
                latexBlock(out, forward);
                latexBlock(out, backward);
            }
            case MARKDOWN -> {
                out.append("# ").append(graph.name()).append(": backpropagation equations\n\n");
                out.append("From `").append(graph.sourceFile()).append("`, ").append(form).append(".\n\n");
                out.append("## Forward\n\n$$\n");
                latexLines(out, forward);
                out.append("$$\n\n## Backward\n\n$$\n");
                latexLines(out, backward);
                out.append("$$\n");
            }
        }
        return out.toString();
    }

    private void section(StringBuilder out, String title, List<Equation> list) {
        out.append(title).append('\n');
        int width = list.stream().mapToInt(e -> label(e, false).length()).max().orElse(0);
        for (Equation e : list) {
            String label = label(e, false);
            out.append("  ").append(label).append(" ".repeat(width - label.length())).append(" = ")
                    .append(rhs(e, false)).append('\n');
        }
    }

    private void latexBlock(StringBuilder out, List<Equation> list) {
        out.append("\\begin{aligned}\n");
        latexLines(out, list);
        out.append("\\end{aligned}\n");
    }

    private void latexLines(StringBuilder out, List<Equation> list) {
        if (format == Format.MARKDOWN) {
            out.append("\\begin{aligned}\n");
        }
        for (int i = 0; i < list.size(); i++) {
            Equation e = list.get(i);
            out.append("  ").append(label(e, true)).append(" &= ").append(rhs(e, true))
                    .append(i + 1 < list.size() ? " \\\\\n" : "\n");
        }
        if (format == Format.MARKDOWN) {
            out.append("\\end{aligned}\n");
        }
    }

    /** One equation in LaTeX, its left side and its right, every term of the right wrapped by {@code marks}. */
    String[] latex(Equation e, Marks marks) {
        Equation namer = equations.namer(e.value());
        if (namer != null && namer != e && !(e.value() instanceof Input) && !(e.value() instanceof Param)) {
            return new String[] {label(e, true), marks.mark(e.value(), label(namer, true))};
        }
        return new String[] {label(e, true), renderer(e, true, marks).define(e.value())};
    }

    /** An expression in LaTeX; a node {@code symbols} names (a local, "delta_z1", "dW1") is written as its equation's label. */
    String latex(Node node, java.util.function.Function<Node, String> symbols, Marks marks) {
        return new MathRenderer(true, n -> {
            String symbol = n instanceof Input || n instanceof Param ? null : symbols.apply(n);
            Equation named = symbol == null ? null : equations.bySymbol(symbol);
            return named == null ? null : label(named, true);
        }, marks).render(node);
    }

    /** The equation in Unicode text on one line: {@code δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)}. */
    String textLine(Equation e) {
        return label(e, false) + " = " + rhs(e, false);
    }

    String textLabel(Equation e) {
        return label(e, false);
    }

    /** The label an equation's symbol is written with in LaTeX: {@code delta_z1} → {@code \delta^{1}}. */
    String latexLabel(Equation e) {
        return label(e, true);
    }

    /** The right-hand side: the name of another equation's value (∂C/∂b² = δ²), else the definition. */
    private String rhs(Equation e, boolean latex) {
        Equation namer = equations.namer(e.value());
        if (namer != null && namer != e && !(e.value() instanceof Input) && !(e.value() instanceof Param)) {
            return label(namer, latex);
        }
        return renderer(e, latex, Marks.NONE).define(e.value());
    }

    /** The equation's own root prints as its definition; nodes other equations name print as those names. */
    private MathRenderer renderer(Equation current, boolean latex, Marks marks) {
        return new MathRenderer(latex, node -> {
            Equation namer = equations.namer(node);
            if (namer == null || namer == current || node instanceof Input || node instanceof Param) {
                return null;
            }
            return label(namer, latex);
        }, marks);
    }

    private String label(Equation e, boolean latex) {
        return switch (e.kind()) {
            case FORWARD -> latex ? Symbols.latex(e.subject()) : Symbols.text(e.subject());
            case LOSS -> "C";
            case DELTA -> latex ? Symbols.deltaLatex(e.subject(), onlyOneDelta) : Symbols.deltaText(e.subject(), onlyOneDelta);
            case GRADIENT -> latex ? "\\frac{\\partial C}{\\partial " + Symbols.latex(e.subject()) + "}"
                    : "∂C/∂" + Symbols.text(e.subject());
            case SHARED -> latex ? "t_{" + e.symbol().substring(1) + "}" : "t" + Symbols.subscript(e.symbol().substring(1));
        };
    }

    private String ascii(Equation current) {
        ExprPrinter printer = new ExprPrinter(node -> {
            Equation namer = equations.namer(node);
            if (node instanceof Input i) {
                return i.name();
            }
            if (node instanceof Param p) {
                return p.name();
            }
            return namer == null || namer == current ? null : namer.symbol();
        }, Integer.MAX_VALUE); // whole: an ascii block is read back by deltac check
        Node root = current.value();
        Equation namer = equations.namer(root);
        if (namer != null && namer != current && !(root instanceof Input) && !(root instanceof Param)) {
            return namer.symbol();
        }
        return root instanceof Apply a ? printer.definition(a) : printer.print(root);
    }
}
