package deltac.autodiff.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.spec.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The MNIST network's equations are exactly the textbook set. */
class TextbookEquationsTest {
    @Test
    void perSampleBackwardIsTheTextbookSet() throws Exception {
        String text = Equations.perSample(Spec.parse(Path.of("../examples/mnist_mlp.java"))).print(Format.TEXT);
        String backward = text.substring(text.indexOf("Backward\n"));
        assertEquals("""
                Backward
                  δ²     = a² − y
                  δ¹     = ((W²)ᵀ δ²) ⊙ σ′(z¹)
                  ∂C/∂W² = δ² (a¹)ᵀ
                  ∂C/∂b² = δ²
                  ∂C/∂W¹ = δ¹ xᵀ
                  ∂C/∂b¹ = δ¹
                """, backward);
    }

    @Test
    void batchFormHasTheMeanAndColumnSums() throws Exception {
        String text = Equations.batch(Spec.parse(Path.of("../examples/mnist_mlp.java"))).print(Format.TEXT);
        assertTrue(text.contains("  δ²     = (1/n) (a² − y)\n"), text);
        assertTrue(text.contains("  ∂C/∂b² = δ² 1ₙ\n"), text);
        assertTrue(text.contains("  ∂C/∂W¹ = δ¹ xᵀ\n"), text);
    }

    @Test
    void asciiUsesTheNamesOfHandDerivedFormulas() throws Exception {
        String ascii = Equations.perSample(Spec.parse(Path.of("../examples/mnist_mlp.java"))).print(Format.ASCII);
        assertTrue(ascii.contains("\ndelta_z1 = hadamard(W2.T * delta_z2, sigmoidPrime(z1));\n"), ascii);
        assertTrue(ascii.contains("\ndW1 = delta_z1 * x.T;\n"), ascii);
        assertTrue(ascii.contains("\ndb2 = delta_z2;\n"), ascii);
    }

    @Test
    void latexWritesDeltasAndPartials() throws Exception {
        String latex = Equations.perSample(Spec.parse(Path.of("../examples/mnist_mlp.java"))).print(Format.LATEX);
        assertTrue(latex.contains("\\delta^{1} &= \\left(\\left(W^{2}\\right)^{\\top} \\, \\delta^{2}\\right) \\odot \\sigma'\\left(z^{1}\\right)"), latex);
        assertTrue(latex.contains("\\frac{\\partial C}{\\partial W^{1}} &= \\delta^{1} \\, x^{\\top}"), latex);
    }

    /** A loss of raw probabilities prints the floor its gradient's divisor has (README, Numerics), max as a relu. */
    @Test
    void rawProbabilitiesShowTheDivisorsFloor() throws Exception {
        String spec = """
                class Raw {
                    Matrix p = input(3);
                    Matrix y = target(3);
                    Matrix W = param(3, 3);
                    Matrix loss() {
                        Matrix q = W * p;
                        return %s(q, y);
                    }
                }
                """;
        String bce = Equations.perSample(Spec.read(spec.formatted("binaryCrossEntropy"), "raw.java").orThrow())
                .print(Format.TEXT);
        assertTrue(bce.contains("  δ     = (q − y)/(relu(q ⊙ (1 − q) − 10⁻¹²) + 10⁻¹²)\n"), bce);
        String ce = Equations.batch(Spec.read(spec.formatted("crossEntropy"), "raw.java").orThrow()).print(Format.TEXT);
        assertTrue(ce.contains("  δ     = −(1/n) (y/(relu(q − 10⁻¹²) + 10⁻¹²))\n"), ce);
    }
}
