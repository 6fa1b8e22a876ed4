package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.codegen.Compiler;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A trainer too large for one class file travels as an executor receives it: its classes serialized together, and
 * defined from the bytes into a trainer that computes what the driver's does.
 */
class TrainerClassTest {
    @Test
    void aTrainerSpreadOverSeveralClassesTravelsWhole() throws Exception {
        int layers = 2_000;
        StringBuilder spec = new StringBuilder("class Deep {\n  Matrix x = input(2);\n  Matrix y = target(2);\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("  Matrix W").append(l).append(" = param(2, 2);\n  Matrix b").append(l).append(" = param(2);\n");
        }
        spec.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("    Matrix z").append(l).append(" = W").append(l).append(" * a").append(l - 1).append(" + b").append(l)
                    .append(";\n    Matrix a").append(l).append(" = tanh(z").append(l).append(");\n");
        }
        spec.append("    return mse(a").append(layers).append(", y);\n  }\n}\n");
        Graph graph = Spec.read(spec.toString(), "deep.java").orThrow();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TrainerClass.compile(graph));
        }
        TrainerClass received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (TrainerClass) in.readObject();
        }
        Trainer executor = received.initializedTrainer(graph, 3);
        Trainer driver = Compiler.compile(graph, Precision.F32);
        Compiler.initialize(driver, graph, 3);
        float[][] feeds = {{0.5f, -0.25f, 0.1f, 0.9f}, {0.2f, 0.3f, -0.4f, 0.5f}};
        double loss = driver.loss(feeds, 2);
        assertTrue(loss > 0, "a loss of " + loss);
        assertEquals(loss, executor.loss(feeds, 2));
        assertTrue(executor.getClass().getName().equals("deltac.runtime.generated.DeepTrainer")
                && executor.getClass().getClassLoader() != driver.getClass().getClassLoader(), "defined from the bytes, apart");
    }
}
