package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.GraphPrinter;
import deltac.graph.Training;
import deltac.graph.Training.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec's Training field: read (never run) into the graph's settings, each where the spec wrote it. */
class SpecTrainingTest {
    static final String NET = """
                Matrix x = input(4);
                Matrix y = target(3);
                Matrix W = param(3, hidden);

                Matrix loss() {
                    return mse(W * x, y);
                }
            """;

    static Graph read(String fields) {
        SpecResult result = Spec.read("class Net {\n" + fields + NET + "}\n", "net.java");
        assertEquals(List.of(), result.diagnostics());
        return result.graph().orElseThrow();
    }

    @Test
    void eachSettingIsReadWithItsPosition() {
        Graph g = read("""
                    int hidden = 4;
                    Training training = momentum(0.05, 0.9).batch(32).epochs(20)
                            .schedule(cosine()).weightDecay(1e-4).seed(7).patience(3).validation(0.1);
                """);
        assertEquals(List.of( // in the order written; the optimizer and methods at their names, lr and μ at theirs
                new Setting("optimizer", "momentum", 3, 25),
                new Setting("lr", "0.05", 3, 34),
                new Setting("momentum", "0.9", 3, 40),
                new Setting("batch", "32", 3, 45),
                new Setting("epochs", "20", 3, 55),
                new Setting("schedule", "cosine", 4, 14),
                new Setting("weightDecay", "1e-4", 4, 33),
                new Setting("seed", "7", 4, 51),
                new Setting("patience", "3", 4, 59),
                new Setting("val", "0.1", 4, 71)),
                g.training().settings());
        assertEquals("momentum", g.training().optimizer().orElseThrow());
        assertEquals(32, g.training().batch().getAsInt());
        assertTrue(GraphPrinter.text(g).endsWith("  training  momentum(0.05, 0.9).batch(32).epochs(20).seed(7)"
                + ".validation(0.1).patience(3).weightDecay(1e-4).schedule(cosine())\n"), GraphPrinter.text(g));
    }

    @Test
    void argumentsMayBeTheSpecsNamedNumbers() {
        Graph g = read("""
                    int hidden = 4;
                    int b = 8;
                    double rate = 0.01;
                    Training t = adam(rate / 2).batch(b * 4).epochs(hidden).validation(0.25);
                """);
        assertTrue(g.training().sameAs(Training.adam(0.005).batch(32).epochs(4).validation(0.25)),
                g.training().toString());
        assertEquals("0.005", g.training().get("lr").orElseThrow().value());
        assertEquals("32", g.training().get("batch").orElseThrow().value());
    }

    @Test
    void theOptimizerAloneIsATraining() {
        assertEquals("sgd(0.1)", read("int hidden = 4;\nTraining training = sgd(0.1);\n").training().toString());
        assertEquals("momentum(0.05)", read("int hidden = 4;\nTraining t = momentum(5e-2);\n").training().toString());
    }

    @Test
    void aSpecWithoutOneHasNone() {
        assertEquals(Training.NONE, read("int hidden = 4;\n").training());
    }
}
