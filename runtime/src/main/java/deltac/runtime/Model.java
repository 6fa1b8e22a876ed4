package deltac.runtime;

import deltac.runtime.checkpoint.Tensor;
import java.util.List;

/**
 * A network that predicts: what an app embeds to run a trained spec.
 *
 * <p>Data is laid out as the spec reads it: a batch of {@code n} samples is a {@code rows × n} matrix,
 * row-major, one column per sample, so sample {@code j}'s feature {@code i} is at {@code x[i * n + j]}.
 * Outputs use the same layout. Buffers are caller-owned: a model writes {@code out} and keeps nothing.
 *
 * <pre>{@code
 * Model model = ...;                                   // a generated class, or the EJML engine
 * Checkpoints.load(model, Path.of("w.safetensors"));   // trained weights into the live buffers
 * float[] x = new float[model.inputRows() * 32];        // 32 samples, a column each
 * float[] out = new float[model.outputRows() * 32];
 * model.predict(x, 32, out);                           // out: class probabilities, a column per sample
 * }</pre>
 */
public interface Model {
    /** The spec's class name, e.g. {@code MnistMlp}. */
    String name();

    /** What the model computes in; the other precision's methods convert at the boundary. */
    Precision precision();

    /** Features per sample: the rows of the spec's input. */
    int inputRows();

    /** Values predicted per sample: the rows of the value the loss compares with the target. */
    int outputRows();

    /** The parameters, live (writing them changes the model), in the spec's declaration order. */
    List<Tensor> parameters();

    /** One parameter by its spec name. */
    default Tensor parameter(String name) {
        return parameters().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in " + name()));
    }

    /** out ({@code outputRows × n}) = the prediction for the batch x ({@code inputRows × n}). */
    void predict(float[] x, int n, float[] out);

    /** out ({@code outputRows × n}) = the prediction for the batch x ({@code inputRows × n}). */
    void predict(double[] x, int n, double[] out);
}
