package deltac.codegen.bytecode;

import deltac.codegen.Signature;
import deltac.runtime.Precision;
import java.util.List;

/**
 * A lowered trainer, ready to emit: its buffers, its fallback sites, its kernels as loop-level methods, and
 * which kernels each mode runs.
 *
 * @param className   the class's internal name, e.g. {@code deltac/generated/MnistMlpTrainer}
 * @param spec        the spec's name (the class's {@code name()}) and source file
 * @param gradients   kernel methods for a training step, in order
 * @param loss        kernel methods for the loss alone
 * @param predict     kernel methods for a prediction
 * @param lossAndPrediction kernel methods for both, one forward pass (validation runs it)
 * @param lossField   the 1×1 buffer holding the loss
 * @param outputField the buffer holding the prediction, or null when the spec has none
 * @param feedFields  the field of each feed, in the signature's order (inputs, then targets)
 */
record Program(String className, String spec, String sourceFile, Precision precision, Signature signature,
               List<Buffer> buffers, List<Site> sites, List<Loops.Method> methods, List<String> gradients,
               List<String> loss, List<String> predict, List<String> lossAndPrediction, String lossField, String outputField,
               List<String> feedFields, List<ParamFields> params) {

    enum Kind { PARAM, GRADIENT, INPUT, TARGET, TEMP, CONSTANT }

    /**
     * An array field. {@code cols} is -1 for the batch size n. A CONSTANT buffer is filled with {@code fill}
     * when allocated.
     */
    record Buffer(String field, int rows, int cols, Kind kind, double fill) {
        boolean batched() {
            return rows < 0 || cols < 0;
        }
    }

    /** A fallback call site: a {@code FallbackSite} field for an op the generator does not specialize. */
    record Site(String field, String op, double attr, int[] out, int[][] args) {}

    /** A parameter's name in the spec, its field, its gradient's field, and its shape. */
    record ParamFields(String name, String field, String gradientField, int rows, int cols) {}

    Buffer buffer(String field) {
        return buffers.stream().filter(b -> b.field().equals(field)).findFirst().orElseThrow();
    }
}
