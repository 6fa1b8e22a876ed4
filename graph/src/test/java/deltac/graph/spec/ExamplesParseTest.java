package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.GraphPrinter;
import deltac.graph.Init;
import deltac.graph.Node;
import deltac.graph.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled example is a clean spec: a graph, no errors, no warnings. */
class ExamplesParseTest {
    static final Path EXAMPLES = Path.of("../examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> specs = files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
            // *_by_hand.java files are hand-derived formulas, not networks
            return specs.stream().filter(f -> !f.getFileName().toString().contains("by_hand"));
        }
    }

    @Test
    void thereAreExamples() throws IOException {
        List<String> names = examples().map(f -> f.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("mnist_mlp.java", "mnist_deep.java")), names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesWithoutErrorsOrWarnings(Path example) throws IOException {
        SpecResult result = Spec.read(example);
        assertEquals(List.of(), result.diagnostics(), example.toString());
        Graph g = result.graph().orElseThrow();
        assertEquals(example.toString(), g.sourceFile());
        assertFalse(g.inputs().isEmpty());
        assertFalse(g.params().isEmpty());
        assertEquals(Shape.SCALAR, g.loss().shape());
        assertTrue(GraphPrinter.text(g).startsWith(g.name() + "  ("));
    }

    @Test
    void mnistMlpHasTheTextbookShapes() throws Exception {
        Graph g = Spec.parse(EXAMPLES.resolve("mnist_mlp.java"));
        assertEquals("MnistMlp", g.name());
        Map<String, Node> locals = g.locals();
        assertEquals(List.of("z1", "a1", "z2", "a2"), List.copyOf(locals.keySet()));
        assertEquals(Shape.of(128, Shape.N), locals.get("z1").shape());
        assertEquals(Shape.of(128, Shape.N), locals.get("a1").shape());
        assertEquals(Shape.of(10, Shape.N), locals.get("z2").shape());
        assertEquals(Shape.of(10, Shape.N), locals.get("a2").shape());
        assertEquals(Shape.of(1, 1), g.loss().shape());

        assertEquals(Shape.of(784, Shape.N), g.input("x").orElseThrow().shape());
        assertTrue(g.input("y").orElseThrow().isTarget());
        assertEquals(List.of("W1", "b1", "W2", "b2"), g.params().stream().map(p -> p.name()).toList());
        assertEquals(Shape.of(128, 784), g.param("W1").orElseThrow().shape());
        assertEquals(Shape.of(128, 1), g.param("b1").orElseThrow().shape());
        assertEquals(Init.glorot(), g.param("W1").orElseThrow().init());
        assertEquals(Init.zeros(), g.param("b1").orElseThrow().init(), "a bias defaults to zeros");
    }

    @Test
    void mnistMlpPrints() throws Exception {
        Graph g = Spec.parse(EXAMPLES.resolve("mnist_mlp.java"));
        String text = GraphPrinter.text(g);
        assertTrue(text.contains("z1"), text);
        assertTrue(text.contains("128×n"), text);
        assertTrue(text.contains("sigmoid(z1)"), text);
        assertTrue(text.contains("crossEntropy(a2, y)"), text);
    }
}
