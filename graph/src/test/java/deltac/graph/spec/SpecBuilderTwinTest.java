package deltac.graph.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Expr;
import deltac.graph.Graph;
import deltac.graph.GraphPrinter;
import deltac.graph.Init;
import deltac.graph.Network;
import deltac.graph.Training;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The spec parser and the fluent API build the same graphs: each example has a twin written with
 * {@link Network}, and the two must be {@link Graph#sameAs} and print the same.
 */
class SpecBuilderTwinTest {
    static final Path MNIST_MLP = Path.of("../examples/mnist_mlp.java");
    static final Path MNIST_DEEP = Path.of("../examples/mnist_deep.java");

    /** examples/mnist_mlp.java; {@code hidden} is the hidden activation (sigmoid in the example). */
    static Graph mnistMlp(UnaryOperator<Expr> hidden, Init w1) {
        Network net = new Network("MnistMlp", MNIST_MLP.toString()).training(Training.adam(0.005).batch(64).epochs(10));
        Expr x = net.input("x", 784);
        Expr y = net.target("y", 10);
        Expr W1 = net.param("W1", 128, 784, w1);
        Expr b1 = net.param("b1", 128);
        Expr W2 = net.param("W2", 10, 128, Init.glorot());
        Expr b2 = net.param("b2", 10);
        Expr z1 = net.let("z1", W1.times(x).plus(b1));
        Expr a1 = net.let("a1", hidden.apply(z1));
        Expr z2 = net.let("z2", W2.times(a1).plus(b2));
        Expr a2 = net.let("a2", z2.softmax());
        return net.loss(a2.crossEntropy(y));
    }

    static Graph mnistMlp() {
        return mnistMlp(Expr::sigmoid, Init.glorot());
    }

    /** examples/mnist_deep.java, with the L2 strength as a parameter. */
    static Graph mnistDeep(double lambda) {
        Network net = new Network("MnistDeep", MNIST_DEEP.toString())
                .training(Training.adam(0.001).batch(32).epochs(15).schedule("cosine"));
        Expr x = net.input("x", 784);
        Expr y = net.target("y", 10);
        Expr W1 = net.param("W1", 256, 784, Init.he());
        Expr b1 = net.param("b1", 256);
        Expr W2 = net.param("W2", 128, 256, Init.he());
        Expr b2 = net.param("b2", 128);
        Expr W3 = net.param("W3", 10, 128, Init.glorot());
        Expr b3 = net.param("b3", 10);
        Expr z1 = net.let("z1", W1.times(x).plus(b1));
        Expr a1 = net.let("a1", z1.relu());
        Expr z2 = net.let("z2", W2.times(a1).plus(b2));
        Expr a2 = net.let("a2", z2.relu());
        Expr z3 = net.let("z3", W3.times(a2).plus(b3));
        Expr a3 = net.let("a3", z3.softmax());
        Expr l2 = W1.square().sum().plus(W2.square().sum()).plus(W3.square().sum());
        return net.loss(a3.crossEntropy(y).plus(net.constant(lambda).times(l2)));
    }

    @Test
    void mnistMlpHasABuilderTwin() throws Exception {
        Graph parsed = Spec.parse(MNIST_MLP);
        Graph twin = mnistMlp();
        assertTrue(parsed.sameAs(twin), "spec and builder disagree:\n" + GraphPrinter.text(parsed) + "\n"
                + GraphPrinter.text(twin));
        assertTrue(twin.sameAs(parsed), "sameAs is symmetric");
        assertEquals(GraphPrinter.text(parsed), GraphPrinter.text(twin));
    }

    @Test
    void mnistDeepHasABuilderTwin() throws Exception {
        Graph parsed = Spec.parse(MNIST_DEEP);
        Graph twin = mnistDeep(1e-4);
        assertTrue(parsed.sameAs(twin), "spec and builder disagree:\n" + GraphPrinter.text(parsed) + "\n"
                + GraphPrinter.text(twin));
        assertEquals(GraphPrinter.text(parsed), GraphPrinter.text(twin));
    }

    @Test
    void aTwinWithOneOpChangedIsNotTheSame() throws Exception {
        Graph parsed = Spec.parse(MNIST_MLP);
        Graph tanh = mnistMlp(Expr::tanh, Init.glorot());
        assertFalse(parsed.sameAs(tanh), "sigmoid became tanh");
        assertFalse(tanh.sameAs(parsed));
        assertNotEquals(GraphPrinter.text(parsed), GraphPrinter.text(tanh));
    }

    @Test
    void aTwinWithOneLeafChangedIsNotTheSame() throws Exception {
        Graph parsed = Spec.parse(MNIST_MLP);
        assertFalse(parsed.sameAs(mnistMlp(Expr::sigmoid, Init.he())), "W1's initializer differs");
        assertFalse(Spec.parse(MNIST_DEEP).sameAs(mnistDeep(1e-3)), "the L2 strength differs");
        assertFalse(parsed.sameAs(Spec.parse(MNIST_DEEP)));
    }

    @Test
    void aTwinWithoutALocalsNameIsNotTheSame() throws Exception {
        Network net = new Network("MnistMlp", MNIST_MLP.toString());
        Expr x = net.input("x", 784);
        Expr y = net.target("y", 10);
        Expr W1 = net.param("W1", 128, 784, Init.glorot());
        Expr b1 = net.param("b1", 128);
        Expr W2 = net.param("W2", 10, 128, Init.glorot());
        Expr b2 = net.param("b2", 10);
        Expr a1 = net.let("a1", W1.times(x).plus(b1).sigmoid()); // z1 is not named
        Expr z2 = net.let("z2", W2.times(a1).plus(b2));
        Expr a2 = net.let("a2", z2.softmax());
        Graph unnamed = net.loss(a2.crossEntropy(y));
        assertFalse(Spec.parse(MNIST_MLP).sameAs(unnamed));
    }

    static final String XOR_TRAINED = """
            class Xor {
                int batch = 4;
                Matrix x  = input(2);
                Matrix y  = target(1);
                Matrix W1 = param(2, 2).init(uniform(1.0));
                Matrix b1 = param(2);
                Matrix W2 = param(1, 2).init(uniform(1.0));
                Matrix b2 = param(1);
                Training training = momentum(0.5, 0.9).batch(batch).epochs(2000).seed(7).schedule(step());

                Matrix loss() {
                    Matrix a1 = sigmoid(W1 * x + b1);
                    return mse(sigmoid(W2 * a1 + b2), y);
                }
            }
            """;

    /** XOR_TRAINED with the Java API; {@code training} as the spec's, or another to see that it counts. */
    static Graph xorTrained(Training training) {
        Network net = new Network("Xor");
        Expr x = net.input("x", 2);
        Expr y = net.target("y", 1);
        Expr W1 = net.param("W1", 2, 2, Init.uniform(1.0));
        Expr b1 = net.param("b1", 2);
        Expr W2 = net.param("W2", 1, 2, Init.uniform(1.0));
        Expr b2 = net.param("b2", 1);
        Expr a1 = net.let("a1", W1.times(x).plus(b1).sigmoid());
        return net.training(training).loss(W2.times(a1).plus(b2).sigmoid().mse(y));
    }

    @Test
    void aSpecsTrainingHasABuilderTwin() throws Exception {
        Graph parsed = Spec.read(XOR_TRAINED, "xor_trained.java").orThrow();
        Graph twin = xorTrained(Training.momentum(0.5, 0.9).epochs(2000).batch(4).schedule("step").seed(7));
        assertTrue(parsed.sameAs(twin), "spec and builder disagree:\n" + GraphPrinter.text(parsed) + "\n"
                + GraphPrinter.text(twin));
        assertTrue(twin.sameAs(parsed));
        assertEquals(GraphPrinter.text(parsed).lines().skip(1).toList(), GraphPrinter.text(twin).lines().skip(1).toList(),
                "the same but for the source on the first line");
        assertFalse(parsed.sameAs(xorTrained(Training.momentum(0.5, 0.9).epochs(2000).batch(8).schedule("step").seed(7))),
                "another batch size");
        assertFalse(parsed.sameAs(xorTrained(Training.momentum(0.5).epochs(2000).batch(4).schedule("step").seed(7))),
                "no μ");
        assertFalse(parsed.sameAs(xorTrained(Training.NONE)), "no training");
    }

    @Test
    void theBuilderReportsShapeErrorsNamingBothSides() {
        Network net = new Network("Broken");
        Expr x = net.input("x", 784);
        Expr W2 = net.param("W2", 10, 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> W2.times(x));
        assertTrue(e.getMessage().startsWith("shape mismatch in product: W2 is 10×128 but x is 784×n"),
                e.getMessage());
        IllegalArgumentException notScalar = assertThrows(IllegalArgumentException.class, () -> net.loss(x));
        assertTrue(notScalar.getMessage().contains("784×n"), notScalar.getMessage());
    }
}
