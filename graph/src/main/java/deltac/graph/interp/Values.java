package deltac.graph.interp;

import deltac.graph.Node;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** The value of every node an evaluation computed, and the batch size it ran with. */
public final class Values {
    private final Map<Node, Integer> slots;
    private final DMatrixRMaj[] values;
    private final int batch;

    /** {@code slots}: each node's place, fixed by its plan. */
    Values(Map<Node, Integer> slots, int batch) {
        this.slots = slots;
        this.values = new DMatrixRMaj[slots.size()];
        this.batch = batch;
    }

    void put(int slot, DMatrixRMaj value) {
        values[slot] = value;
    }

    /** The value at a slot of the plan that made these values ({@code Plan.slot}). */
    public DMatrixRMaj at(int slot) {
        return values[slot];
    }

    public int batch() {
        return batch;
    }

    public DMatrixRMaj get(Node node) {
        Integer slot = slots.get(node);
        if (slot == null || values[slot] == null) {
            throw new IllegalArgumentException("not evaluated: " + node);
        }
        return values[slot];
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
