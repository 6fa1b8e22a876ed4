package deltac.runtime;

import deltac.runtime.checkpoint.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * A network that predicts: what an app embeds to run a trained spec.
 *
 * <p>A model takes every {@code input(...)} of its spec, named as in the spec ({@link #inputs()}). Data is laid out
 * as the spec reads it: a batch of {@code n} samples of an input of {@code rows} values is a {@code rows × n}
 * matrix, row-major, one column per sample, so sample {@code j}'s value {@code i} is at {@code x[i * n + j]}.
 * Outputs use the same layout. Buffers are caller-owned: a model writes {@code out} and keeps nothing.
 *
 * <pre>{@code
 * Model model = ...;                                   // a generated class, or the EJML engine
 * Checkpoints.load(model, Path.of("w.safetensors"));   // trained weights into the live buffers
 * float[] out = new float[model.outputRows() * 32];
 * model.predict(Batch.of(32).put("x", x), out);        // by name: x is 784 × 32, a column per sample
 * model.predict(new float[][] {x}, 32, out);           // the same, the arrays in the order of inputs()
 * }</pre>
 */
public interface Model {
    /** The spec's class name, e.g. {@code MnistMlp}. */
    String name();

    /** What the model computes in; the other precision's methods convert at the boundary. */
    Precision precision();

    /** The spec's {@code input(...)} fields, in declaration order: at least one. */
    List<Feed> inputs();

    /** Values predicted per sample: the rows of the value the loss compares with; 0 when {@link OutputKind#NONE}. */
    int outputRows();

    /** What the prediction is: class probabilities, yes/no probabilities, real values, or none. */
    OutputKind outputKind();

    /**
     * The feed the loss compares the prediction with: a target ({@code y} in {@code crossEntropy(a2, y)}), or an
     * input for an autoencoder ({@code x} in {@code mse(r, x)}); empty when the loss compares with no feed.
     */
    Optional<String> comparedWith();

    /** The parameters, live (writing them changes the model), in the spec's declaration order. */
    List<Tensor> parameters();

    /** One parameter by its spec name. */
    default Tensor parameter(String name) {
        return parameters().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in " + name()));
    }

    /** out ({@code outputRows × n}) = the prediction for the batch: one array per input, in {@link #inputs()} order. */
    void predict(float[][] inputs, int n, float[] out);

    /** out ({@code outputRows × n}) = the prediction for the batch: one array per input, in {@link #inputs()} order. */
    void predict(double[][] inputs, int n, double[] out);

    /** out ({@code outputRows × n}) = the prediction for the batch, its inputs found by name. */
    default void predict(Batch batch, float[] out) {
        predict(batch.f32(name(), inputs()), batch.size(), out);
    }

    /** out ({@code outputRows × n}) = the prediction for the batch, its inputs found by name. */
    default void predict(Batch batch, double[] out) {
        predict(batch.f64(name(), inputs()), batch.size(), out);
    }
}
