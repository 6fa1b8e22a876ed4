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
 * Every kernel has a twin for n = 1 with no loop over the batch left in it. (That the twins compute what the
 * interpreter computes is {@link GeneratedVersusInterpreterTest}'s batch of 1.)
 */
class BatchOfOneTest {
    private static boolean mentionsN(Object node) {
        if (node instanceof Loops.Var v) {
            return v.name().equals(Loops.N.name());
        }
        if (node instanceof Record r) {
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    if (mentionsN(component.getAccessor().invoke(r))) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return false;
        }
        if (node instanceof List<?> list) {
            return list.stream().anyMatch(BatchOfOneTest::mentionsN);
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
            }
        }
    }
}
