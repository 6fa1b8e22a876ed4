package deltac.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a graph one node a line, each with its shape: the leaves with their kind and initializer, then every
 * computed node in order as {@code name = op(args)}, where unnamed intermediates get the names t1, t2, ...; last
 * the training settings, when the graph has any.
 */
public final class GraphPrinter {
    private GraphPrinter() {}

    public static String text(Graph graph) {
        Map<Node, String> names = names(graph);
        StringBuilder out = new StringBuilder();
        out.append(graph.name()).append("  (").append(graph.sourceFile()).append(")\n");
        int width = names.values().stream().mapToInt(String::length).max().orElse(1);
        for (Input input : graph.inputs()) {
            row(out, width, input.name(), input.shape(), input.isTarget() ? "target" : "input");
        }
        for (Param param : graph.params()) {
            row(out, width, param.name(), param.shape(), "param  " + param.init());
        }
        ExprPrinter printer = new ExprPrinter(n -> n instanceof Const ? null : names.get(n));
        for (Node node : graph.topologicalOrder()) {
            if (node instanceof Apply apply) {
                String expression = printer.definition(apply);
                row(out, width, names.get(node), node.shape(), "= " + expression);
            }
        }
        if (!(graph.loss() instanceof Apply)) {
            out.append("  loss = ").append(names.get(graph.loss())).append('\n');
        }
        if (!graph.training().isEmpty()) {
            out.append("  training  ").append(graph.training()).append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, int width, String name, Shape shape, String rest) {
        out.append("  ").append(pad(name, width)).append("  ").append(pad(shape.toString(), 9)).append("  ")
                .append(rest).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Every leaf and computed node's name: the spec's own, else t1, t2, ... in evaluation order. */
    public static Map<Node, String> names(Graph graph) {
        Map<Node, String> names = new IdentityHashMap<>();
        for (Input input : graph.inputs()) {
            names.put(input, input.name());
        }
        for (Param param : graph.params()) {
            names.put(param, param.name());
        }
        for (Map.Entry<String, Node> local : graph.locals().entrySet()) {
            names.putIfAbsent(local.getValue(), local.getKey());
        }
        if (!names.containsKey(graph.loss()) && !graph.locals().containsKey("loss")) {
            names.put(graph.loss(), "loss");
        }
        int temp = 0;
        List<Node> order = graph.topologicalOrder();
        for (Node node : order) {
            if (node instanceof Apply && !names.containsKey(node)) {
                String name;
                do {
                    name = "t" + ++temp;
                } while (graph.locals().containsKey(name) || graph.input(name).isPresent()
                        || graph.param(name).isPresent());
                names.put(node, name);
            }
        }
        return names;
    }
}
