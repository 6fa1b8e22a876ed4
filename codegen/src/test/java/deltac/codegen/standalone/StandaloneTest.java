package deltac.codegen.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.codegen.Compiler;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Feed;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.train.Checkpoints;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A standalone scorer predicts what the trainer predicts, from its resource or from given weights, at any depth. */
class StandaloneTest {

    /** Defines the scorer's classes and serves its weights resource, beside nothing but the platform's classes. */
    static final class ScorerLoader extends ClassLoader {
        private final Standalone.Scorer scorer;

        ScorerLoader(Standalone.Scorer scorer) {
            super(ClassLoader.getPlatformClassLoader()); // no deltac class is visible from here
            this.scorer = scorer;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = scorer.classes().get(name.replace('.', '/'));
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals(scorer.weightsPath()) ? new ByteArrayInputStream(scorer.weights()) : super.getResourceAsStream(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris_mlp", "two_inputs", "mnist_mlp", "mnist_deep", "tied_autoencoder", "regression",
            "logistic_regression", "xor"})
    void theScorerPredictsWhatTheTrainerPredicts(String example) throws Exception {
        Graph graph = Spec.parse(Path.of("../examples", example + ".java"));
        assertScorerEqualsTrainer(graph, example, deltac.codegen.Engine.BYTECODE);
    }

    @Test
    void aThousandLayersCompileIntoMethodsUnderTheJitLimit() throws Exception {
        StringBuilder spec = new StringBuilder("class Deep {\n  Matrix x = input(8);\n  Matrix y = target(8);\n");
        int layers = 1000;
        for (int l = 1; l <= layers; l++) {
            spec.append("  Matrix W").append(l).append(" = param(8, 8);\n  Matrix b").append(l).append(" = param(8);\n");
        }
        spec.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("    Matrix a").append(l).append(" = tanh(W").append(l).append(" * a").append(l - 1).append(" + b").append(l).append(");\n");
        }
        spec.append("    return mse(a").append(layers).append(", y);\n  }\n}\n");
        Graph graph = Spec.read(spec.toString(), "deep.java").orThrow();
        assertScorerEqualsTrainer(graph, "deep", deltac.codegen.Engine.EJML); // the generated trainer is issue 18's
    }

    private static void assertScorerEqualsTrainer(Graph graph, String label, deltac.codegen.Engine engine) throws Exception {
        Trainer trainer = Compiler.trainer(graph, Precision.F32, engine);
        Random rng = new Random(label.hashCode());
        // the spec's initializers, and biases drawn too: activations of the size trained networks have
        Checkpoints.initialize(trainer, Map.of(), Map.of(), label.hashCode());
        for (Tensor p : trainer.parameters()) {
            if (p.cols() == 1) {
                for (int k = 0; k < p.size(); k++) {
                    p.f32()[k] = (float) (rng.nextGaussian() * 0.1);
                }
            }
        }
        Standalone.Scorer scorer = Standalone.compile(graph, trainer.parameters(), "app/" + graph.name() + "Scorer", true);
        for (byte[] bytes : scorer.classes().values()) {
            assertEquals(61, bytes[7], "class-file version 61, Java 17");
        }
        ScorerLoader loader = new ScorerLoader(scorer);
        Class<?> type = loader.loadClass("app." + graph.name() + "Scorer");
        Object fromResource = type.getConstructor().newInstance();
        float[][] given = trainer.parameters().stream().map(t -> t.f32()).toArray(float[][]::new);
        Object fromArrays = type.getConstructor(float[][].class).newInstance((Object) given);
        Class<?>[] types = new Class<?>[trainer.inputs().size() + 1];
        Arrays.fill(types, float[].class);
        Method predict = type.getMethod("predict", types);
        assertEquals(trainer.inputs().stream().map(Feed::name).toList(),
                Arrays.stream(predict.getParameters()).limit(trainer.inputs().size()).map(p -> p.getName()).toList(),
                "parameters named as the spec's inputs");
        String outputName = graph.locals().entrySet().stream().filter(e -> e.getValue() == graph.output())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        Method named = outputName == null ? null : type.getMethod(outputName, Arrays.copyOf(types, types.length - 1));
        for (int sample = 0; sample < 5; sample++) {
            float[][] inputs = new float[trainer.inputs().size()][];
            Object[] args = new Object[inputs.length + 1];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = new float[trainer.inputs().get(k).rows()];
                for (int i = 0; i < inputs[k].length; i++) {
                    inputs[k][i] = rng.nextFloat();
                }
                args[k] = inputs[k];
            }
            float[] want = new float[trainer.outputRows()];
            trainer.predict(inputs, 1, want);
            if (named != null) {
                float[] viaName = (float[]) named.invoke(fromResource, Arrays.copyOf(args, inputs.length));
                assertEquals(want[0], viaName[0], 1e-5 * Math.max(1, Math.abs(want[0])), label + " " + outputName + "()");
            }
            for (Object s : new Object[] {fromResource, fromArrays}) {
                float[] got = new float[want.length];
                args[inputs.length] = got;
                predict.invoke(s, args);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-5 * Math.max(1, Math.abs(want[i])), label + " sample " + sample + " [" + i + "]");
                }
            }
        }
    }

    @Test
    void wrongWeightsAreRefusedByName() throws Exception {
        Graph graph = Spec.parse(Path.of("../examples/iris_mlp.java"));
        Trainer trainer = Compiler.trainer(graph, Precision.F32, deltac.codegen.Engine.BYTECODE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standalone.compile(graph,
                trainer.parameters().subList(1, 4), "app/IrisMlpScorer", false));
        assertEquals("no weights for W1 (8×4)", e.getMessage());
        Standalone.Scorer scorer = Standalone.compile(graph, trainer.parameters(), "app/IrisMlpScorer", false);
        Class<?> type = new ScorerLoader(scorer).loadClass("app.IrisMlpScorer");
        InvocationTargetException bad = assertThrows(InvocationTargetException.class,
                () -> type.getConstructor(float[][].class).newInstance((Object) new float[][] {new float[3], new float[8],
                        new float[24], new float[3]}));
        assertEquals("W1 is 8×4, got 3 values", bad.getCause().getMessage());
        assertTrue(scorer.classes().size() == 1, "without SIMD, one class: " + scorer.classes().keySet());
    }
}
