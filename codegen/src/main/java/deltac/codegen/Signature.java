package deltac.codegen;

import deltac.graph.Apply;
import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.Shape;
import deltac.runtime.Feed;
import deltac.runtime.Feeds;
import deltac.runtime.OutputKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a trainer's methods take and give: the spec's inputs and targets that the loss reaches (each by its name;
 * at least one input, any number of targets), and the prediction (the value the loss function compares with a
 * feed), with what kind of value it is and which feed it is compared with.
 *
 * @param output the prediction, or null when the loss has none with a column per sample
 * @param comparedWith the feed the loss function compares the prediction with, or null
 */
public record Signature(List<Input> inputs, List<Input> targets, Node output, OutputKind kind, Input comparedWith) {

    /** The signature of a graph, or an {@link IllegalArgumentException} saying why it has none. */
    public static Signature of(Graph graph) {
        Set<Node> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        reached.addAll(Graph.topologicalOrder(List.of(graph.loss())));
        List<Input> inputs = new ArrayList<>();
        List<Input> targets = new ArrayList<>();
        for (Input i : graph.inputs()) {
            if (reached.contains(i)) {
                (i.isTarget() ? targets : inputs).add(i);
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(graph.name() + "'s loss reads no input(...): there is nothing to learn from");
        }
        Apply lossFunction = lossFunction(graph);
        Node output = lossFunction == null ? null : lossFunction.arg(0);
        OutputKind kind = OutputKind.NONE;
        Input comparedWith = null;
        if (output != null && output.shape().cols() == Shape.N && readsNoTarget(output)) {
            kind = switch (lossFunction.op()) {
                case CROSS_ENTROPY -> OutputKind.CLASSES;
                case BINARY_CROSS_ENTROPY -> OutputKind.BINARY;
                default -> OutputKind.VALUES;
            };
            comparedWith = lossFunction.arg(1) instanceof Input feed ? feed : null;
        } else {
            output = null;
        }
        return new Signature(List.copyOf(inputs), List.copyOf(targets), output, kind, comparedWith);
    }

    /** The loss function (mse, crossEntropy, binaryCrossEntropy) nearest the loss, if any. */
    private static Apply lossFunction(Graph graph) {
        List<Node> order = Graph.topologicalOrder(List.of(graph.loss()));
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i) instanceof Apply a
                    && (a.op() == Op.MSE || a.op() == Op.CROSS_ENTROPY || a.op() == Op.BINARY_CROSS_ENTROPY)) {
                return a;
            }
        }
        return null;
    }

    private static boolean readsNoTarget(Node output) {
        return Graph.topologicalOrder(List.of(output)).stream().noneMatch(n -> n instanceof Input i && i.isTarget());
    }

    /** The inputs, then the targets: the order of a training step's arrays. */
    public List<Input> feeds() {
        List<Input> all = new ArrayList<>(inputs);
        all.addAll(targets);
        return all;
    }

    /** The feeds as the runtime names them. */
    public List<Feed> runtimeFeeds() {
        return Feeds.concat(feedsOf(inputs), feedsOf(targets));
    }

    public List<Feed> runtimeInputs() {
        return feedsOf(inputs);
    }

    public List<Feed> runtimeTargets() {
        return feedsOf(targets);
    }

    private static List<Feed> feedsOf(List<Input> leaves) {
        return leaves.stream().map(i -> new Feed(i.name(), i.shape().rows())).toList();
    }

    public int outputRows() {
        return output == null ? 0 : output.shape().rows();
    }
}
