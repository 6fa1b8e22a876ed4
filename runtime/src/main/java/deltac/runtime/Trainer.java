package deltac.runtime;

import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * A model that also trains: the loss and its gradients for a batch, and an optimizer step.
 *
 * <p>Layout as in {@link Model}: x is {@code inputRows × n} and y is {@code targetRows × n}, row-major, a
 * column per sample. Buffers for a batch size are allocated on its first use; a training step then allocates
 * nothing in the trainer's own precision.
 *
 * <pre>{@code
 * Trainer t = Compiler.compile(Spec.parse(Path.of("mnist_mlp.java")), Precision.F32);
 * Optimizer sgd = new Sgd(0.1);
 * double loss = t.step(x, y, 64, sgd);                 // forward, backward, update: the loss before the update
 * float[] dW1 = t.gradient("W1").f32();                // ∂C/∂W1 of that batch
 * }</pre>
 */
public interface Trainer extends Model {
    /** Rows of the target: what a sample's y holds. */
    int targetRows();

    /** Computes the loss and every ∂C/∂P for the batch; {@link #gradients()} holds them afterwards. */
    double computeGradients(float[] x, float[] y, int n);

    /** Computes the loss and every ∂C/∂P for the batch; {@link #gradients()} holds them afterwards. */
    double computeGradients(double[] x, double[] y, int n);

    /** The loss alone. */
    double loss(float[] x, float[] y, int n);

    /** The loss alone. */
    double loss(double[] x, double[] y, int n);

    /** ∂C/∂P of the last {@code computeGradients}, live, in the order of {@link #parameters()}. */
    List<Tensor> gradients();

    default Tensor gradient(String name) {
        List<Tensor> params = parameters();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return gradients().get(i);
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in " + name());
    }

    /** One training step: gradients for the batch, then the optimizer's update. Returns the loss before it. */
    default double step(float[] x, float[] y, int n, Optimizer optimizer) {
        double loss = computeGradients(x, y, n);
        optimizer.update(parameters(), gradients());
        return loss;
    }

    /** One training step: gradients for the batch, then the optimizer's update. Returns the loss before it. */
    default double step(double[] x, double[] y, int n, Optimizer optimizer) {
        double loss = computeGradients(x, y, n);
        optimizer.update(parameters(), gradients());
        return loss;
    }
}
