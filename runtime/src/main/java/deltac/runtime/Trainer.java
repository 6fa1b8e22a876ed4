package deltac.runtime;

import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * A model that also trains: the loss and its gradients for a batch, and an optimizer step.
 *
 * <p>A trainer takes every input and every target of its spec ({@link #feeds()}: the inputs, then the targets,
 * each named and sized as in the spec; a spec whose loss uses no target has none). Layout as in {@link Model}. Buffers
 * for a batch size are allocated on its first use; a training step then allocates nothing in the trainer's own
 * precision.
 *
 * <pre>{@code
 * Trainer t = Compiler.compile(Spec.parse(Path.of("mnist_mlp.java")), Precision.F32);
 * Optimizer sgd = new Sgd(0.1);
 * double loss = t.step(Batch.of(64).put("x", x).put("y", y), sgd); // forward, backward, update: the loss before it
 * loss = t.step(new float[][] {x, y}, 64, sgd);                    // the same, the arrays in the order of feeds()
 * float[] dW1 = t.gradient("W1").f32();                             // ∂C/∂W1 of that batch
 * }</pre>
 */
public interface Trainer extends Model {
    /** The spec's {@code target(...)} fields, in declaration order; empty when the loss uses none. */
    List<Feed> targets();

    /** {@link #inputs()} then {@link #targets()}: the order of the arrays a training step takes. */
    List<Feed> feeds();

    /** Computes the loss and every ∂C/∂P for the batch (an array per feed, in {@link #feeds()} order). */
    double computeGradients(float[][] feeds, int n);

    /** Computes the loss and every ∂C/∂P for the batch (an array per feed, in {@link #feeds()} order). */
    double computeGradients(double[][] feeds, int n);

    /** The loss alone. */
    double loss(float[][] feeds, int n);

    /** The loss alone. */
    double loss(double[][] feeds, int n);

    /**
     * The loss of the batch, and its prediction into {@code out} ({@code outputRows × n}), as {@link #loss} and
     * {@link #predict} would give them; generated trainers run the forward pass once for both (validation does).
     */
    default double lossAndPrediction(float[][] feeds, int n, float[] out) {
        double loss = loss(feeds, n);
        predict(java.util.Arrays.copyOf(feeds, inputs().size()), n, out);
        return loss;
    }

    /** The float64 form of {@link #lossAndPrediction(float[][], int, float[])}. */
    default double lossAndPrediction(double[][] feeds, int n, double[] out) {
        double loss = loss(feeds, n);
        predict(java.util.Arrays.copyOf(feeds, inputs().size()), n, out);
        return loss;
    }

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
    default double step(float[][] feeds, int n, Optimizer optimizer) {
        double loss = computeGradients(feeds, n);
        optimizer.update(parameters(), gradients());
        return loss;
    }

    /** One training step: gradients for the batch, then the optimizer's update. Returns the loss before it. */
    default double step(double[][] feeds, int n, Optimizer optimizer) {
        double loss = computeGradients(feeds, n);
        optimizer.update(parameters(), gradients());
        return loss;
    }

    /** The loss and every ∂C/∂P for the batch, its feeds found by name. */
    default double computeGradients(Batch batch) {
        return precision() == Precision.F32 ? computeGradients(batch.f32(name(), feeds()), batch.size())
                : computeGradients(batch.f64(name(), feeds()), batch.size());
    }

    /** The loss of the batch, its feeds found by name. */
    default double loss(Batch batch) {
        return precision() == Precision.F32 ? loss(batch.f32(name(), feeds()), batch.size())
                : loss(batch.f64(name(), feeds()), batch.size());
    }

    /** One training step on the batch, its feeds found by name. Returns the loss before the update. */
    default double step(Batch batch, Optimizer optimizer) {
        double loss = computeGradients(batch);
        optimizer.update(parameters(), gradients());
        return loss;
    }
}
