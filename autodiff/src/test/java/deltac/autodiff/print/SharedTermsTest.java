package deltac.autodiff.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A term used twice in one equation is named once (t₁ = …) instead of written out twice, so the printed
 * equations grow with the network, not exponentially with its nesting.
 */
class SharedTermsTest {
    private static Graph nestedSoftmax(int depth) throws Exception {
        return Spec.read("""
                class Net {
                    Matrix x = input(4);
                    Matrix y = target(4);
                    Matrix W = param(4, 4);
                    Matrix loss() {
                        return mse(%sW * x%s, y);
                    }
                }
                """.formatted("softmax(".repeat(depth), ")".repeat(depth)), "net.java").orThrow();
    }

    @Test
    void nestedSoftmaxPrintsInSizeLinearInTheDepth() throws Exception {
        int ten = Equations.batch(nestedSoftmax(10)).print(Format.TEXT).length();
        int forty = Equations.batch(nestedSoftmax(40)).print(Format.TEXT).length();
        // written out, each level doubles the text (2^30 times more); named, it grows linearly (4.3 times here):
        // 6 times fails a growth like depth² (16 times)
        assertTrue(forty < 6 * ten, ten + " characters at depth 10, " + forty + " at depth 40");
    }

    @Test
    void eachSharedTermIsDefinedBeforeItsFirstUse() throws Exception {
        String text = Equations.perSample(nestedSoftmax(3)).print(Format.TEXT);
        String backward = text.substring(text.indexOf("Backward"));
        assertTrue(backward.contains("\n  t₁ "), text);
        assertTrue(backward.indexOf("t₁ ") < backward.indexOf("(t₁"), text);
        assertTrue(backward.indexOf("t₂ ") < backward.indexOf("(t₂"), text);
    }

    @Test
    void theExamplesHaveNoSharedTerms() throws Exception {
        // their equations are the textbook ones; a name there would be noise
        for (String example : new String[] {"mnist_mlp", "mnist_deep", "iris_mlp", "xor", "autoencoder", "logistic_regression"}) {
            Graph graph = Spec.parse(Path.of("../examples/" + example + ".java"));
            for (Equations e : new Equations[] {Equations.perSample(graph), Equations.batch(graph)}) {
                assertEquals(0, e.all().stream().filter(q -> q.kind() == Equations.Kind.SHARED).count(), example);
            }
        }
    }

    @Test
    void aSharedNameSkipsTheSpecsOwnNames() throws Exception {
        Graph graph = Spec.read("""
                class Net {
                    Matrix x = input(4);
                    Matrix y = target(4);
                    Matrix t1 = param(4, 4);
                    Matrix loss() {
                        return mse(softmax(softmax(softmax(t1 * x))), y);
                    }
                }
                """, "net.java").orThrow();
        String ascii = Equations.perSample(graph).print(Format.ASCII);
        assertTrue(ascii.contains("Matrix t2 = "), ascii);
    }
}
