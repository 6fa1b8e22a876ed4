package deltac.autodiff.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Constants meet and fold: n where the batch size is bound, sums and products of constant matrices, a constant
 * times c/n, and a subtracted negative coefficient. The OddOpsCe, whose last term −0.001 Σ(log softmax(z))/n
 * has the δ −0.001 1 + 0.003 softmax(z) per sample (its gradients are checked against finite differences in
 * {@code SpecKindsGradientTest}).
 */
class ConstantFoldingTest {
    private static Graph oddOps() throws Exception {
        return Spec.read(Files.readString(Path.of("src/test/resources/specs/odd_ops.java")), "odd.java").orThrow();
    }

    private static String delta(String equations) {
        return equations.lines().filter(l -> l.trim().startsWith("δ ")).findFirst().orElseThrow().trim();
    }

    @Test
    void perSampleTheConstantsOfAWrittenOutTermFold() throws Exception {
        assertEquals("δ     = −0.001 + 0.003 softmax(z) + softmax(z) − y",
                delta(Equations.perSample(oddOps()).print(Format.TEXT)));
    }

    @Test
    void inBatchFormConstantsFoldIntoOneCoefficientOverN() throws Exception {
        assertEquals("δ     = (−0.001/n) 1 + (0.003/n) softmax(z) + (1/n) (softmax(z) − y)",
                delta(Equations.batch(oddOps()).print(Format.TEXT)));
    }

    @Test
    void theDerivationRecordsTheFoldsItMade() throws Exception {
        var rules = Autodiff.derive(oddOps()).rules();
        assertTrue(rules.containsKey("a − q · x → a + (−q) · x for a negative coefficient q"), rules.toString());
        assertTrue(rules.containsKey("c · (d/s) → (cd)/s"), rules.toString());
    }
}
