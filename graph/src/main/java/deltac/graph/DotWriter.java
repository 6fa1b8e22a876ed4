package deltac.graph;

import java.util.Map;

/** Writes a graph in Graphviz DOT: one box per node with its name, op and shape; edges from arguments. */
public final class DotWriter {
    private DotWriter() {}

    public static String dot(Graph graph) {
        Map<Node, String> names = GraphPrinter.names(graph);
        Map<Node, Integer> ids = new java.util.IdentityHashMap<>();
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(graph.name())).append(" {\n");
        out.append("  rankdir=BT;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (Node node : graph.topologicalOrder()) {
            int id = ids.size();
            ids.put(node, id);
            String label;
            String style = "";
            if (node instanceof Input i) {
                label = i.name() + "\\n" + (i.isTarget() ? "target" : "input");
                style = ", style=filled, fillcolor=\"#dbe9f6\"";
            } else if (node instanceof Param p) {
                label = p.name() + "\\nparam";
                style = ", style=filled, fillcolor=\"#f6e7c8\"";
            } else if (node instanceof Const c) {
                label = ExprPrinter.number(c.value());
                style = ", shape=plaintext";
            } else {
                Apply a = (Apply) node;
                label = names.get(node) + "\\n" + a.op().token()
                        + (a.op().hasAttribute() ? "(" + ExprPrinter.number(a.attr()) + ")" : "");
            }
            out.append("  n").append(id).append(" [label=").append(quote(label + "\\n" + node.shape()))
                    .append(style).append("];\n");
            if (node instanceof Apply a) {
                for (Node arg : a.args()) {
                    out.append("  n").append(ids.get(arg)).append(" -> n").append(id).append(";\n");
                }
            }
        }
        out.append("  n").append(ids.get(graph.loss())).append(" [peripheries=2];\n");
        out.append("}\n");
        return out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
