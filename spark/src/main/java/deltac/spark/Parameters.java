package deltac.spark;

import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/** A float32 trainer's parameters or gradients as plain arrays, the form they travel in, and back. */
final class Parameters {
    private Parameters() {}

    /** A copy of the trainer's parameters, in {@code parameters()} order. */
    static float[][] copyOf(Trainer trainer) {
        List<Tensor> params = trainer.parameters();
        float[][] out = new float[params.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = params.get(k).f32().clone();
        }
        return out;
    }

    /** The trainer's live gradients (read them before its next {@code computeGradients}). */
    static float[][] gradients(Trainer trainer) {
        List<Tensor> grads = trainer.gradients();
        float[][] out = new float[grads.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = grads.get(k).f32();
        }
        return out;
    }

    static void setParameters(Trainer trainer, float[][] values) {
        copy(values, trainer.parameters());
    }

    static void setGradients(Trainer trainer, float[][] values) {
        copy(values, trainer.gradients());
    }

    /** How many floats the trainer's parameters hold. */
    static long count(Trainer trainer) {
        long n = 0;
        for (Tensor p : trainer.parameters()) {
            n += p.size();
        }
        return n;
    }

    private static void copy(float[][] from, List<Tensor> to) {
        for (int k = 0; k < from.length; k++) {
            System.arraycopy(from[k], 0, to.get(k).f32(), 0, from[k].length);
        }
    }
}
