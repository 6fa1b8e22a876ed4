package deltac.spark;

import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/** A float32 trainer's parameters or gradients as plain arrays, the form they travel in, and back. */
final class Parameters {
    private Parameters() {}

    /** A copy of the trainer's parameters, in {@code parameters()} order: what a broadcast ships. */
    static float[][] copyOf(Trainer trainer) {
        float[][] live = live(trainer.parameters());
        float[][] out = new float[live.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = live[k].clone();
        }
        return out;
    }

    /** The tensors' own arrays (a trainer's parameters, or its gradients until its next {@code computeGradients}). */
    static float[][] live(List<Tensor> tensors) {
        float[][] out = new float[tensors.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = tensors.get(k).f32();
        }
        return out;
    }

    /** Copies {@code values} into the tensors, in order. */
    static void set(List<Tensor> tensors, float[][] values) {
        for (int k = 0; k < values.length; k++) {
            System.arraycopy(values[k], 0, tensors.get(k).f32(), 0, values[k].length);
        }
    }
}
