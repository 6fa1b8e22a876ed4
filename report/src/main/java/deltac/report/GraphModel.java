package deltac.report;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Equations.Equation;
import deltac.autodiff.print.Equations.Kind;
import deltac.autodiff.print.Symbols;
import deltac.graph.Apply;
import deltac.graph.Const;
import deltac.graph.ExprPrinter;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Param;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the graph picture shows, before any geometry: the forward pass (every node of the graph, ranked by its
 * longest path from the leaves, a leaf just before its first use), the backward pass (one vertex per δ, gradient
 * and shared term, each under the forward value it belongs to: δ¹ under z¹, ∂C/∂W¹ under W¹), the data edges of
 * each band labelled with the shape that flows along them, and the links between the bands: the loss to the δs it
 * starts, each parameter to its gradient.
 */
final class GraphModel {
    /** A vertex: what it says, its CSS kind, its rank, its hover text, and its δ's colour (or -1). */
    record Vertex(String label, String caption, String kind, int rank, String title, int colour) {}

    /** A data edge within a band, by vertex index, labelled with a shape. */
    record Arc(int from, int to, String label, int colour) {}

    /** A link from a forward vertex to a backward one. */
    record Link(int forward, int backward, String kind) {}

    private static final Set<deltac.graph.Op> LOSSES = Set.of(deltac.graph.Op.MSE, deltac.graph.Op.CROSS_ENTROPY,
            deltac.graph.Op.BINARY_CROSS_ENTROPY);

    final List<Vertex> forward = new ArrayList<>();
    final List<Arc> forwardArcs = new ArrayList<>();
    final List<Vertex> backward = new ArrayList<>();
    final List<Arc> backwardArcs = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    private final Map<Node, Integer> forwardIndex = new IdentityHashMap<>();

    GraphModel(Equations equations, DeltaColours colours) {
        Graph graph = equations.derivation().graph();
        forwardBand(graph, colours);
        backwardBand(equations, graph, colours);
    }

    int maxRank() {
        int max = 0;
        for (Vertex v : forward) {
            max = Math.max(max, v.rank());
        }
        for (Vertex v : backward) {
            max = Math.max(max, v.rank());
        }
        return max;
    }

    private void forwardBand(Graph graph, DeltaColours colours) {
        List<Node> order = graph.topologicalOrder();
        Map<Node, Integer> rank = ranks(order);
        Map<String, Integer> deltaOf = colours.byLocal();
        for (Node node : order) {
            forwardIndex.put(node, forward.size());
            String name = graph.nameOf(node).orElse(null);
            String shape = node.shape().toString();
            Vertex v;
            if (node instanceof Input i) {
                v = new Vertex(Symbols.text(i.name()), i.isTarget() ? "target" : "input", "input", rank.get(node),
                        Symbols.text(i.name()) + ": " + (i.isTarget() ? "target" : "input") + ", " + shape, -1);
            } else if (node instanceof Param p) {
                v = new Vertex(Symbols.text(p.name()), "param", "param", rank.get(node),
                        Symbols.text(p.name()) + ": parameter, " + shape, -1);
            } else if (node instanceof Const c) {
                v = new Vertex(ExprPrinter.number(c.value()), "", "const", rank.get(node), "constant, " + shape, -1);
            } else {
                Apply a = (Apply) node;
                String op = Ops.glyph(a.op());
                boolean loss = node == graph.loss();
                String label = loss && name == null ? "C" : name == null ? op : Symbols.text(name);
                String caption = label.equals(op) ? "" : op;
                Integer colour = name == null ? null : deltaOf.get(name);
                v = new Vertex(label, caption, loss ? "op loss" : "op", rank.get(node),
                        label + (caption.isEmpty() ? "" : " = " + Ops.word(a.op())) + ", " + shape
                                + (colour == null ? "" : "; its δ is drawn below in the same colour"),
                        colour == null ? -1 : colour);
            }
            forward.add(v);
        }
        for (Node node : order) {
            if (node instanceof Apply a) {
                Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                for (Node arg : a.args()) {
                    if (seen.add(arg)) {
                        forwardArcs.add(new Arc(forwardIndex.get(arg), forwardIndex.get(node), arg.shape().toString(), -1));
                    }
                }
            }
        }
    }

    /**
     * Longest path from the leaves, a leaf sitting just before its last use (a weight used by its layer and by a
     * regularization term sits by its layer, its term beside it), a use by a loss function counting only when it
     * is the only one; empty columns are then dropped.
     */
    private static Map<Node, Integer> ranks(List<Node> order) {
        Map<Node, Integer> rank = new IdentityHashMap<>();
        asap(order, rank);
        for (int pass = 0; pass < 4; pass++) { // a leaf that moves moves its consumers: settle both
            Map<Node, Integer> lastUse = new IdentityHashMap<>();
            Map<Node, Integer> lossUse = new IdentityHashMap<>();
            for (Node node : order) {
                if (node instanceof Apply a) {
                    for (Node arg : a.args()) {
                        (LOSSES.contains(a.op()) ? lossUse : lastUse).merge(arg, rank.get(node), Math::max);
                    }
                }
            }
            // a loss's use counts only when it is the only one: an autoencoder's x sits by its first layer
            lossUse.forEach(lastUse::putIfAbsent);
            for (Node node : order) {
                if (!(node instanceof Apply) && lastUse.containsKey(node)) {
                    rank.put(node, lastUse.get(node) - 1);
                }
            }
            asap(order, rank);
        }
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>(rank.values());
        Map<Integer, Integer> compact = new java.util.HashMap<>();
        for (int r : used) {
            compact.put(r, compact.size());
        }
        rank.replaceAll((node, r) -> compact.get(r));
        return rank;
    }

    /** Each application one rank right of its rightmost argument; leaves keep the rank they have (0 at first). */
    private static void asap(List<Node> order, Map<Node, Integer> rank) {
        for (Node node : order) {
            if (node instanceof Apply a) {
                int r = 0;
                for (Node arg : a.args()) {
                    r = Math.max(r, rank.get(arg) + 1);
                }
                rank.put(node, r);
            } else {
                rank.putIfAbsent(node, 0);
            }
        }
    }

    private void backwardBand(Equations equations, Graph graph, DeltaColours colours) {
        List<Equation> backwardEquations = equations.backward();
        Map<Node, Equation> namer = new IdentityHashMap<>();
        for (Equation e : backwardEquations) {
            namer.putIfAbsent(e.value(), e);
        }
        Map<Equation, Integer> index = new IdentityHashMap<>();
        List<Set<Equation>> sources = new ArrayList<>();
        for (Equation e : backwardEquations) {
            index.put(e, index.size());
            sources.add(uses(e, namer));
        }
        int maxForward = 0;
        for (Vertex v : forward) {
            maxForward = Math.max(maxForward, v.rank());
        }
        int[] rank = new int[backwardEquations.size()];
        java.util.Arrays.fill(rank, Integer.MIN_VALUE);
        for (int i = 0; i < rank.length; i++) {
            rank(i, backwardEquations, sources, index, rank, graph, maxForward);
        }
        for (int i = 0; i < backwardEquations.size(); i++) {
            Equation e = backwardEquations.get(i);
            int colour = e.kind() == Kind.DELTA ? colours.of(e.subject()) : -1;
            String label = equations.textLabel(e);
            String caption = switch (e.kind()) {
                case DELTA -> "∂C/∂" + Symbols.text(e.subject());
                case SHARED -> "shared term";
                default -> "";
            };
            String kind = switch (e.kind()) {
                case DELTA -> "delta";
                case GRADIENT -> "gradient";
                default -> "shared";
            };
            backward.add(new Vertex(label, caption, kind, rank[i], equations.text(e) + ", " + e.value().shape(), colour));
        }
        int lowest = 0;
        for (Vertex v : backward) {
            lowest = Math.min(lowest, v.rank());
        }
        if (lowest < 0) { // a chain of shared terms can run past the first column: shift both bands right
            shift(forward, -lowest);
            shift(backward, -lowest);
        }
        Integer loss = forwardIndex.get(graph.loss());
        for (int i = 0; i < backwardEquations.size(); i++) {
            Equation e = backwardEquations.get(i);
            for (Equation u : sources.get(i)) {
                int from = index.get(u);
                backwardArcs.add(new Arc(from, i, u.value().shape().toString(), backward.get(from).colour()));
            }
            if (sources.get(i).isEmpty() && loss != null) {
                links.add(new Link(loss, i, "starts"));
            }
            if (e.kind() == Kind.GRADIENT) {
                graph.param(e.subject()).map(forwardIndex::get).ifPresent(p -> links.add(new Link(p, index.get(e), "gradient")));
            }
        }
    }

    /**
     * A backward vertex sits under the forward value it belongs to, but always left of every vertex it is computed
     * from: ranks are fixed sources first (a gradient may use another gradient listed after it).
     */
    private int rank(int i, List<Equation> list, List<Set<Equation>> sources, Map<Equation, Integer> index, int[] rank,
                     Graph graph, int maxForward) {
        if (rank[i] != Integer.MIN_VALUE) {
            return rank[i];
        }
        int r = mirror(list.get(i), graph);
        if (r < 0) {
            r = maxForward;
        }
        for (Equation u : sources.get(i)) {
            r = Math.min(r, rank(index.get(u), list, sources, index, rank, graph, maxForward) - 1);
        }
        rank[i] = r;
        return r;
    }

    private static void shift(List<Vertex> band, int by) {
        band.replaceAll(v -> new Vertex(v.label(), v.caption(), v.kind(), v.rank() + by, v.title(), v.colour()));
    }

    /** The forward rank a backward equation sits under: its pre-activation's, its parameter's; -1 for none. */
    private int mirror(Equation e, Graph graph) {
        Node under = switch (e.kind()) {
            case DELTA -> graph.locals().get(e.subject());
            case GRADIENT -> graph.param(e.subject()).orElse(null);
            default -> null;
        };
        Integer i = under == null ? null : forwardIndex.get(under);
        return i == null ? -1 : forward.get(i).rank();
    }

    /** The other backward equations an equation's right side names. */
    private static Set<Equation> uses(Equation e, Map<Node, Equation> namer) {
        Set<Equation> out = new LinkedHashSet<>();
        Equation whole = namer.get(e.value());
        if (whole != null && whole != e) {
            out.add(whole);
            return out;
        }
        Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> stack = new ArrayList<>(List.of(e.value()));
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (!seen.add(n)) {
                continue;
            }
            Equation named = namer.get(n);
            if (n != e.value() && named != null && named != e) {
                out.add(named);
            } else if (n instanceof Apply a) {
                stack.addAll(a.args());
            }
        }
        return out;
    }
}
