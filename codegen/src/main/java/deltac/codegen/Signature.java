package deltac.codegen;

import deltac.graph.Graph;
import deltac.graph.Input;
import deltac.graph.Node;
import java.util.List;

/**
 * What a trainer's methods take and give: the spec's one input (x), its one target (y), and the output a
 * prediction returns (the value the loss compares with y).
 */
public record Signature(Input input, Input target, Node output) {

    /** The signature of a graph, or an {@link IllegalArgumentException} saying why it has none. */
    public static Signature of(Graph graph) {
        List<Input> inputs = graph.inputs().stream().filter(i -> !i.isTarget()).toList();
        List<Input> targets = graph.inputs().stream().filter(Input::isTarget).toList();
        if (inputs.size() != 1 || targets.size() != 1) {
            throw new IllegalArgumentException(graph.name() + " has " + inputs.size() + " input(s) and "
                    + targets.size() + " target(s); a trainer takes one input(...) and one target(...)");
        }
        Node output = graph.output();
        if (output.shape().cols() != deltac.graph.Shape.N) {
            throw new IllegalArgumentException(graph.name() + ": the prediction " + graph.nameOf(output).orElse("")
                    + " is " + output.shape() + "; it should have a column per sample (n columns)");
        }
        return new Signature(inputs.get(0), targets.get(0), output);
    }

    public int inputRows() {
        return input.shape().rows();
    }

    public int targetRows() {
        return target.shape().rows();
    }

    public int outputRows() {
        return output.shape().rows();
    }
}
