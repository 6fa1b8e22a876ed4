package deltac.autodiff.print;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A derivation as equations to print: the forward pass (one per named value, then the loss C), the δ at each
 * pre-activation from the output backwards, and ∂C/∂P for each parameter, grouped by the δ they use.
 *
 * <pre>{@code
 * Equations e = Equations.perSample(graph);            // or Equations.batch(graph)
 * System.out.print(e.print(Format.TEXT));
 * }</pre>
 */
public final class Equations {
    /** What an equation defines; a SHARED equation names a term the equations after it use more than once. */
    public enum Kind { FORWARD, LOSS, DELTA, GRADIENT, SHARED }

    /**
     * A term written out at least this many nodes long and used twice in one equation gets a name of its own
     * (t₁, t₂, …) instead of being written out twice: without it, terms that use a value twice (the VJP of a
     * softmax does) double the printed length at every level of nesting.
     */
    static final int SHARED_TERM_SIZE = 12;

    /** {@code symbol} is the spec-side name: a local, "C", "delta_z1" or "dW1". */
    public record Equation(Kind kind, String symbol, String subject, Node value) {}

    private final Derivation derivation;
    private final boolean batch;
    private final List<Equation> equations = new ArrayList<>();
    private final Map<Node, Equation> named = new IdentityHashMap<>();
    private int shared;

    private Equations(Derivation derivation, boolean batch) {
        this.derivation = derivation;
        this.batch = batch;
        Graph graph = derivation.graph();
        graph.locals().forEach((local, node) -> add(new Equation(Kind.FORWARD, local, local, node)));
        if (graph.nameOf(graph.loss()).isEmpty() || !graph.locals().containsKey(graph.nameOf(graph.loss()).get())) {
            add(new Equation(Kind.LOSS, "C", "C", graph.loss()));
        }
        for (Derivation.Delta delta : derivation.deltas()) {
            add(new Equation(Kind.DELTA, delta.name(), delta.local(), delta.value()));
        }
        for (Derivation.Gradient gradient : byLayer(derivation)) {
            add(new Equation(Kind.GRADIENT, gradient.name(), gradient.param().name(), gradient.value()));
        }
    }

    /** The per-sample equations, as textbooks write them: the batch size bound to 1. */
    public static Equations perSample(Graph graph) {
        return new Equations(Autodiff.derive(graph.withBatch(1)), false);
    }

    /** The batch equations: columns are samples, 1/n is the mean over them, bias gradients sum the columns. */
    public static Equations batch(Graph graph) {
        return new Equations(Autodiff.derive(graph), true);
    }

    public static Equations of(Derivation derivation, boolean batch) {
        return new Equations(derivation, batch);
    }

    private void add(Equation equation) {
        if (equation.kind() != Kind.SHARED) { // a shared term's own shared terms were named with it
            nameSharedTerms(equation.value());
        }
        equations.add(equation);
        if (equation.kind() != Kind.FORWARD || !named.containsKey(equation.value())) {
            named.putIfAbsent(equation.value(), equation);
        }
    }

    /**
     * Gives a SHARED equation (added before the one being added) to every large term that {@code root}'s written
     * form would repeat. Sizes are counted as the printer writes: a named node is one symbol.
     */
    private void nameSharedTerms(Node root) {
        List<Node> order = Graph.topologicalOrder(List.of(root), node -> node != root && isWrittenAsName(node));
        Map<Node, Integer> uses = new IdentityHashMap<>();
        for (Node node : order) {
            if (node instanceof Apply a) {
                a.args().forEach(arg -> uses.merge(arg, 1, Integer::sum));
            }
        }
        Map<Node, Long> size = new IdentityHashMap<>();
        for (Node node : order) {
            long written = 1;
            if (node instanceof Apply a) {
                for (Node arg : a.args()) {
                    written += size.getOrDefault(arg, 1L);
                }
            }
            if (node != root && node instanceof Apply && uses.getOrDefault(node, 0) > 1 && written >= SHARED_TERM_SIZE) {
                String symbol = freshSharedName();
                add(new Equation(Kind.SHARED, symbol, symbol, node));
                written = 1;
            }
            size.put(node, written);
        }
    }

    /** t1, t2, …, skipping the names the spec itself uses. */
    private String freshSharedName() {
        String symbol;
        do {
            shared++;
            symbol = "t" + shared;
        } while (isSpecName(symbol));
        return symbol;
    }

    private boolean isSpecName(String name) {
        Graph graph = derivation.graph();
        return graph.locals().containsKey(name) || graph.input(name).isPresent() || graph.param(name).isPresent();
    }

    private boolean isWrittenAsName(Node node) {
        return named.containsKey(node) || !(node instanceof Apply);
    }

    public Derivation derivation() {
        return derivation;
    }

    public boolean isBatch() {
        return batch;
    }

    public List<Equation> all() {
        return List.copyOf(equations);
    }

    /** The equation that names this node, if any: a printed expression shows its name instead. */
    Equation namer(Node node) {
        return named.get(node);
    }

    /** The forward pass: the named values and the loss C. */
    public List<Equation> forward() {
        return List.copyOf(equations.subList(0, split()));
    }

    /** The backward pass: the δs, the gradients and the shared terms, each shared term just before its first use. */
    public List<Equation> backward() {
        return List.copyOf(equations.subList(split(), equations.size()));
    }

    private int split() {
        int split = 0;
        for (int i = 0; i < equations.size(); i++) {
            if (equations.get(i).kind() == Kind.FORWARD || equations.get(i).kind() == Kind.LOSS) {
                split = i + 1;
            }
        }
        return split;
    }

    /** The equation defining this spec-side symbol (a local, "C", "delta_z1", "dW1", "t1"), or null. */
    public Equation bySymbol(String symbol) {
        for (Equation e : equations) {
            if (e.symbol().equals(symbol)) {
                return e;
            }
        }
        return null;
    }

    /** One equation in LaTeX as {left, right}, each term of the right wrapped by {@code marks}: what a page typesets. */
    public String[] latex(Equation equation, Marks marks) {
        return deltac.graph.DeepStack.call(() -> new EquationPrinter(this, Format.LATEX).latex(equation, marks));
    }

    /** The LaTeX an equation's symbol is written with: {@code \delta^{1}}, {@code \frac{\partial C}{\partial W^{1}}}. */
    public String latexLabel(Equation equation) {
        return new EquationPrinter(this, Format.LATEX).latexLabel(equation);
    }

    /** An equation's symbol in Unicode text: δ¹, ∂C/∂W¹, z¹. */
    public String textLabel(Equation equation) {
        return new EquationPrinter(this, Format.TEXT).textLabel(equation);
    }

    /** An equation in Unicode text on one line, as {@code derive} prints it: {@code δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹)}. */
    public String text(Equation equation) {
        return deltac.graph.DeepStack.call(() -> new EquationPrinter(this, Format.TEXT).textLine(equation));
    }

    /**
     * Any expression over this derivation's values in LaTeX (a hand-derived formula, say), written with these
     * equations' names: {@code symbols} gives a node's spec-side symbol ("z1", "delta_z2") or null to expand it.
     */
    public String latex(Node node, java.util.function.Function<Node, String> symbols, Marks marks) {
        return deltac.graph.DeepStack.call(() -> new EquationPrinter(this, Format.LATEX).latex(node, symbols, marks));
    }

    public String print(Format format) {
        return deltac.graph.DeepStack.call(() -> new EquationPrinter(this, format).print());
    }

    /** Gradients in the order of the δ they use, output layer first; the rest in declaration order. */
    private static List<Derivation.Gradient> byLayer(Derivation d) {
        List<Derivation.Gradient> sorted = new ArrayList<>(d.gradients());
        if (d.deltas().isEmpty()) {
            return sorted;
        }
        Map<Node, Integer> deltaIndex = new IdentityHashMap<>();
        for (int i = 0; i < d.deltas().size(); i++) {
            deltaIndex.putIfAbsent(d.deltas().get(i).value(), i);
        }
        java.util.Set<Node> forward = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        forward.addAll(d.graph().topologicalOrder()); // no δ lies in the forward graph: the walks stop there too
        Map<Derivation.Gradient, Integer> layer = new IdentityHashMap<>();
        for (Derivation.Gradient g : sorted) {
            // the δ nearest the input that the gradient reaches is the one of its own layer; a δ reaches only δs
            // nearer the output, so the walk stops at each δ (linear in the graph, not quadratic)
            int[] last = {deltaIndex.getOrDefault(g.value(), -1)};
            Graph.topologicalOrder(List.of(g.value()), n -> { // the walk's skip test notes each δ it meets
                Integer i = n == g.value() ? null : deltaIndex.get(n);
                if (i != null) {
                    last[0] = Math.max(last[0], i);
                }
                return i != null || forward.contains(n);
            });
            layer.put(g, last[0] < 0 ? Integer.MAX_VALUE : last[0]);
        }
        sorted.sort((a, b) -> Integer.compare(layer.get(a), layer.get(b)));
        return sorted;
    }
}
