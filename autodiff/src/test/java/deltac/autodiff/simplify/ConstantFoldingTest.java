package deltac.autodiff.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import org.junit.jupiter.api.Test;

/** Constants meet and fold: n where the batch size is bound, and sums and products of constant matrices. */
class ConstantFoldingTest {
    private static final String ODD_OPS = """
            class OddOpsCe {
                Matrix x = input(4);  Matrix y = target(3);
                Matrix A = param(5, 4);  Matrix c = param(5);  Matrix B = param(3, 5);  Matrix D = param(5, 3);
                Matrix loss() {
                    Matrix h = leakyRelu(A * x + c, 0.1);
                    Matrix s = sqrt(exp(h) + 1) / (abs(h) + 2);
                    Matrix z = B * s + D.T * h;
                    return crossEntropy(softmax(z), y) + 0.01 * mean(square(A)) + 0.001 * sum(sumCols(log(exp(h) + 1)))
                            - 0.001 * sum(logSoftmax(z)) / n;
                }
            }
            """;

    @Test
    void perSampleTheConstantsOfAWrittenOutTermFold() throws Exception {
        Graph graph = Spec.read(ODD_OPS, "odd.java").orThrow();
        String text = Equations.perSample(graph).print(Format.TEXT);
        String delta = text.lines().filter(l -> l.trim().startsWith("δ ")).findFirst().orElseThrow().trim();
        assertEquals("δ     = −0.001 − (−0.003) softmax(z) + softmax(z) − y", delta);
        assertFalse(text.contains("/1)") || text.contains("(1 0.001)"), text);
    }

    @Test
    void inBatchFormNStaysASymbol() throws Exception {
        String text = Equations.batch(Spec.read(ODD_OPS, "odd.java").orThrow()).print(Format.TEXT);
        assertFalse(text.contains("/1)"), text);
        assertFalse(!text.contains("/n"), "the batch form keeps n: " + text);
    }
}
