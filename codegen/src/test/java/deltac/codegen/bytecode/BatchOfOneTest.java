package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kernel has a twin for n = 1 with no loop over the batch left in it: a loop over the batch's one sample is
 * unrolled, n made real is 1.0. (That the twins compute what the interpreter computes is
 * {@link GeneratedVersusInterpreterTest}'s batch of 1.)
 */
class BatchOfOneTest {
    private static boolean mentionsN(Object node) {
        return any(node, n -> n instanceof Loops.Var v && v.name().equals(Loops.N.name()));
    }

    /** What a twin unrolls or folds: a loop of at most one iteration, an int made real that is a constant. */
    private static boolean leftForTheTwin(Object node) {
        return any(node, n -> n instanceof Loops.For f && f.from() instanceof Loops.IntConst a
                && f.to() instanceof Loops.IntConst b && b.value() - a.value() <= 1
                || n instanceof Loops.ToReal t && t.a() instanceof Loops.IntConst);
    }

    /** Whether the node or any node inside it (a record's components, a list's elements) is one. */
    private static boolean any(Object node, java.util.function.Predicate<Object> is) {
        if (is.test(node)) {
            return true;
        }
        if (node instanceof Record r) {
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    if (any(component.getAccessor().invoke(r), is)) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return false;
        }
        if (node instanceof List<?> list) {
            return list.stream().anyMatch(e -> any(e, is));
        }
        return false;
    }

    @Test
    void everyKernelHasATwinWithoutTheBatchSize() throws Exception {
        for (String example : new String[] {"iris_mlp", "mnist_mlp", "mnist_deep", "xor", "autoencoder", "logistic_regression"}) {
            var derivation = Autodiff.derive(Spec.parse(Path.of("../examples/" + example + ".java")));
            Program program = Lowering.lower(derivation, Precision.F32, "t/T", Lowering.Options.DEFAULT);
            List<Loops.Method> general = program.methods().stream().filter(m -> !m.name().endsWith(BatchOfOne.SUFFIX)).toList();
            List<Loops.Method> twins = program.methods().stream().filter(m -> m.name().endsWith(BatchOfOne.SUFFIX)).toList();
            assertEquals(general.size(), twins.size(), example);
            assertTrue(general.stream().anyMatch(BatchOfOneTest::mentionsN), example + ": the general kernels loop over n");
            for (Loops.Method twin : twins) {
                assertFalse(mentionsN(twin.body()), example + ": " + twin.name() + " still reads n");
                assertFalse(leftForTheTwin(twin.body()), example + ": " + twin.name() + " keeps a loop of one iteration or a constant made real");
            }
        }
    }
}
