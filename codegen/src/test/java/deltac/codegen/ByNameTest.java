package deltac.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Batch;
import deltac.runtime.Feed;
import deltac.runtime.OutputKind;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A trainer's feeds are the spec's names; a batch passed by name computes what the arrays in order compute. */
class ByNameTest {
    @Test
    void twoInputsByNameOrInOrderOnBothEngines() throws Exception {
        Graph graph = Spec.parse(Path.of("../examples/two_inputs.java"));
        for (Engine engine : Engine.values()) {
            Trainer t = Compiler.trainer(graph, Precision.F64, engine);
            assertEquals(List.of(new Feed("sepal", 2), new Feed("petal", 2)), t.inputs());
            assertEquals(List.of(new Feed("y", 3)), t.targets());
            assertEquals(OutputKind.CLASSES, t.outputKind());
            assertEquals(Optional.of("y"), t.comparedWith());
            double[] sepal = {0.1, 0.2, 0.3, 0.4};
            double[] petal = {0.5, 0.6, 0.7, 0.8};
            double[] y = {1, 0, 0, 1, 0, 0};
            double inOrder = t.computeGradients(new double[][] {sepal, petal, y}, 2);
            double byName = t.computeGradients(Batch.of(2).put("y", y).put("petal", petal).put("sepal", sepal));
            assertEquals(inOrder, byName, 0, engine.name());
            double[] out = new double[6];
            double[] out2 = new double[6];
            t.predict(new double[][] {sepal, petal}, 2, out);
            t.predict(Batch.of(2).put("petal", petal).put("sepal", sepal), out2);
            assertArrayEquals(out, out2, 0);
        }
    }

    @Test
    void aGeneratedClassHasAccessorsAndAOneSamplePredictNamedAfterTheSpec() throws Exception {
        Trainer t = Compiler.compile(Spec.parse(Path.of("../examples/two_inputs.java")), Precision.F32);
        Method predict = t.getClass().getMethod("predict", float[].class, float[].class, float[].class);
        assertEquals(List.of("sepal", "petal", "out"),
                java.util.Arrays.stream(predict.getParameters()).map(p -> p.getName()).toList());
        float[] out = new float[3];
        predict.invoke(t, new float[] {5.1f, 3.5f}, new float[] {1.4f, 0.2f}, out);
        float[] viaBatch = new float[3];
        t.predict(new float[][] {{5.1f, 3.5f}, {1.4f, 0.2f}}, 1, viaBatch);
        assertArrayEquals(viaBatch, out, 0);
        float[] sepal = {1, 2, 3, 4};
        t.computeGradients(new float[][] {sepal, new float[4], new float[6]}, 2);
        assertEquals(sepal, t.getClass().getMethod("sepal").invoke(t), "sepal() is the last batch's array");
    }

    @Test
    void aTiedAutoencoderHasNoTargetAndIsComparedWithItsInput() throws Exception {
        Trainer t = Compiler.compile(Spec.parse(Path.of("../examples/tied_autoencoder.java")), Precision.F32);
        assertEquals(List.of(), t.targets());
        assertEquals(OutputKind.VALUES, t.outputKind());
        assertEquals(Optional.of("x"), t.comparedWith());
    }
}
