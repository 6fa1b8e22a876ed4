package deltac.cli;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.codegen.Signature;
import deltac.graph.Graph;
import deltac.graph.Param;
import deltac.runtime.Memory;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import picocli.CommandLine.Option;

/** How a spec becomes a trainer: the engine and the precision; shared by train, eval, grad and demo. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "bytecode",
            description = "bytecode: specialized JVM bytecode (default); ejml: the derivation run on EJML, the oracle")
    Engine engine;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "f32",
            description = "f32 (default) or f64")
    Precision precision;

    /** As {@link #trainer(Graph, long)}, checking every step for NaN and infinity when asked. */
    Trainer trainer(Graph graph, long seed, boolean checkNumerics) {
        Trainer t = trainer(graph, seed);
        return checkNumerics ? new deltac.codegen.NumericsCheckingTrainer(t, deltac.autodiff.Autodiff.derive(graph)) : t;
    }

    /** A trainer for the graph, its parameters drawn from the spec's initializers with this seed. */
    Trainer trainer(Graph graph, long seed) {
        try {
            Signature.of(graph);
        } catch (IllegalArgumentException e) {
            throw new UserError(graph.sourceFile() + ": " + e.getMessage());
        }
        checkMemory(graph);
        Trainer trainer = Compiler.trainer(graph, precision, engine);
        Compiler.initialize(trainer, graph, seed);
        return trainer;
    }

    /**
     * Refuses, before anything is allocated, a spec whose parameters would not fit in the heap: the parameters, their
     * gradients and the optimizer's state (two more copies for Adam, the most any optimizer keeps) in this precision.
     */
    private void checkMemory(Graph graph) {
        long entries = 0;
        Param largest = null;
        for (Param p : graph.params()) {
            entries += p.shape().size(1);
            largest = largest == null || p.shape().size(1) > largest.shape().size(1) ? p : largest;
        }
        if (largest == null) {
            return;
        }
        String what = graph.params().size() == 1 ? largest.name() + ", its gradient and the optimizer's state"
                : largest.name() + " and the other parameters, their gradients and the optimizer's state";
        try {
            Memory.checkFits(Memory.bytes(entries, 4 * (precision == Precision.F64 ? 8 : 4)), what);
        } catch (Memory.TooLarge e) {
            throw new UserError(graph.sourceFile() + ": " + e.getMessage());
        }
    }
}
