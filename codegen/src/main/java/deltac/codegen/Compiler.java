package deltac.codegen;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.codegen.ejml.EjmlTrainer;
import deltac.graph.Graph;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;

/**
 * The compiler's facade: spec graph → derivation → trainer.
 *
 * <pre>{@code
 * Trainer t = Compiler.trainer(Spec.parse(Path.of("examples/mnist_mlp.java")), Precision.F32, Engine.EJML);
 * }</pre>
 */
public final class Compiler {
    private Compiler() {}

    public static Trainer trainer(Graph graph, Precision precision, Engine engine) {
        return trainer(Autodiff.derive(graph), precision, engine);
    }

    public static Trainer trainer(Derivation derivation, Precision precision, Engine engine) {
        return switch (engine) {
            case BYTECODE -> BytecodeCompiler.trainer(derivation, precision, false);
            case EJML -> new EjmlTrainer(derivation, precision);
        };
    }
}
