package deltac.codegen;

/**
 * A spec whose generated class would exceed what one class file holds (65,535 constant-pool entries, fields or
 * methods; each layer adds its buffers and kernels): a limit of the bytecode engine the user can act on, not a bug.
 * About 1,200 tanh layers of 16 with named pre-activations fit; the EJML engine has no such limit.
 */
public final class ClassTooLargeException extends RuntimeException {
    /** @param className the internal name, e.g. {@code deltac/generated/DeepTrainer} */
    public ClassTooLargeException(String className, int parameters) {
        super(className.substring(className.lastIndexOf('/') + 1) + ": the generated class would be larger than a class file can be (65,535 constant-pool "
                + "entries, fields or methods; this network has " + String.format(java.util.Locale.ROOT, "%,d", parameters) + " parameter matrices, and each adds its "
                + "buffers and kernels); split it into smaller specs, or train it with --engine ejml");
    }
}
