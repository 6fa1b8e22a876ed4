package deltac.graph.interp;

import deltac.graph.Node;
import java.util.IdentityHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** The value of every node an evaluation computed, and the batch size it ran with. */
public final class Values {
    private final Map<Node, DMatrixRMaj> values = new IdentityHashMap<>();
    private final int batch;

    Values(int batch) {
        this.batch = batch;
    }

    void put(Node node, DMatrixRMaj value) {
        values.put(node, value);
    }

    public int batch() {
        return batch;
    }

    public DMatrixRMaj get(Node node) {
        DMatrixRMaj value = values.get(node);
        if (value == null) {
            throw new IllegalArgumentException("not evaluated: " + node);
        }
        return value;
    }

    DMatrixRMaj find(Node node) {
        return values.get(node);
    }

    /** The value of a 1×1 node. */
    public double scalar(Node node) {
        DMatrixRMaj value = get(node);
        if (value.getNumElements() != 1) {
            throw new IllegalArgumentException("not a scalar: " + node.shape());
        }
        return value.get(0);
    }
}
