package deltac.autodiff.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Marks;
import deltac.graph.Graph;
import deltac.graph.Node;
import deltac.graph.spec.Spec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each formula beside its derivation, as a page prints them: the terms where the two part are marked, [[like
 * this]], on the side that has them; equal formulas are marked nowhere.
 */
class ComparisonTest {
    private static final String SQUARE = """
            class Square {
                Matrix x  = input(4);
                Matrix y  = target(4);
                Matrix W1 = param(4, 4);
                Matrix b1 = param(4);
                Matrix W2 = param(4, 4);
                Matrix b2 = param(4);

                Matrix loss() {
                    Matrix z1 = W1 * x + b1;
                    Matrix a1 = sigmoid(z1);
                    Matrix z2 = W2 * a1 + b2;
                    Matrix a2 = softmax(z2);
                    return crossEntropy(a2, y);
                }
            }
            """;

    /** "yours | derived", each side in LaTeX with the differing terms in [[ ]]. */
    private static String sides(String formula) throws Exception {
        Graph graph = Spec.read(SQUARE, "square.java").orThrow();
        CheckReport report = FormulaChecker.check(graph, "class ByHand { " + formula + " }", "hand.java", false);
        assertEquals(1, report.comparisons().size(), report.diagnostics().toString());
        Comparison c = report.comparisons().get(0);
        Equations equations = Equations.perSample(graph);
        java.util.function.Function<Node, String> symbols = n -> c.name().equals(c.symbols().get(n)) ? null : c.symbols().get(n);
        return equations.latex(c.yours(), symbols, marks(c.yoursDiffers())) + " | "
                + equations.latex(c.derived(), symbols, marks(c.derivedDiffers()));
    }

    private static Marks marks(Set<Node> differs) {
        return (node, latex) -> differs.contains(node) ? "[[" + latex + "]]" : latex;
    }

    @Test
    void aMissingFactorIsMarkedInTheDerivation() throws Exception {
        assertEquals("\\left(W^{2}\\right)^{\\top} \\, \\delta^{2} | \\left(\\left(W^{2}\\right)^{\\top} \\, \\delta^{2}\\right)"
                + " \\odot [[\\sigma'\\left(z^{1}\\right)]]", sides("Matrix delta_z1 = W2.T * delta_z2;"));
    }

    @Test
    void anExtraFactorIsMarkedInTheFormula() throws Exception {
        assertEquals("\\left(a^{2} - y\\right) \\odot [[\\sigma'\\left(z^{2}\\right)]] | a^{2} - y",
                sides("Matrix delta_z2 = hadamard(a2 - y, sigmoidPrime(z2));"));
    }

    @Test
    void swappedTermsAreMarkedOnBothSides() throws Exception {
        assertEquals("[[y]] - [[a^{2}]] | [[a^{2}]] - [[y]]", sides("Matrix delta_z2 = y - a2;"));
    }

    @Test
    void aWrongFactorIsMarkedAloneOnBothSides() throws Exception {
        assertEquals("\\delta^{2} \\, \\left([[a^{2}]]\\right)^{\\top} | \\delta^{2} \\, \\left([[a^{1}]]\\right)^{\\top}",
                sides("Matrix dW2 = delta_z2 * a2.T;"));
    }

    @Test
    void anEqualFormulaWrittenDifferentlyIsMarkedNowhere() throws Exception {
        String sides = sides("Matrix delta_z1 = hadamard(W2.T * delta_z2, hadamard(a1, 1 - a1));");
        assertTrue(!sides.contains("[["), sides);
    }
}
