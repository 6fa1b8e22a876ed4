package deltac.runtime;

import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * Updates parameters from their gradients, one step at a time. Implementations keep their state (momentum,
 * Adam's moments) per parameter, allocated on the first step, so later steps allocate nothing.
 */
public interface Optimizer {
    /** One step: every parameter updated from the gradient at the same index, in its own precision. */
    void update(List<Tensor> parameters, List<Tensor> gradients);

    /** Steps taken so far. */
    long steps();

    /** The learning rate the next step will use (after the schedule). */
    double learningRate();
}
