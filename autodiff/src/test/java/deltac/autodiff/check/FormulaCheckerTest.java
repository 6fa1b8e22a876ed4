package deltac.autodiff.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each verdict and message of the formula checker, on the right formulas and on the classic mistakes. */
class FormulaCheckerTest {
    /** A network whose layers are square, so the classic mistakes still have the right shapes. */
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

    private static Graph square() throws Exception {
        return Spec.read(SQUARE, "square.java").orThrow();
    }

    private static Verdict only(CheckReport report) {
        assertTrue(report.diagnostics().stream().noneMatch(d -> d.isError()), report.diagnostics().toString());
        assertEquals(1, report.verdicts().size());
        return report.verdicts().get(0);
    }

    private static Verdict check(String formula, boolean batch) throws Exception {
        return only(FormulaChecker.check(square(), "class ByHand { " + formula + " }", "hand.java", batch));
    }

    @Test
    void theTextbookFormulasAreProvedEqual() throws Exception {
        CheckReport report = FormulaChecker.check(Spec.parse(Path.of("../examples/mnist_mlp.java")),
                Path.of("../examples/mnist_mlp_by_hand.java"), false);
        assertTrue(report.allEqual(), report.verdicts().toString());
        assertEquals(6, report.verdicts().size());
        assertTrue(report.notGiven().isEmpty());
        Verdict delta1 = report.verdicts().get(1);
        assertEquals(Verdict.Kind.EQUAL_PROVED, delta1.kind());
        assertTrue(delta1.rules().contains("σ′(z) → a ⊙ (1 − a), a = σ(z)"), delta1.rules().toString());
        assertEquals("../examples/mnist_mlp_by_hand.java:10:12: delta_z1: equal, proved by rewriting ("
                + String.join("; ", delta1.rules()) + ")", delta1.toString());
    }

    @Test
    void anEqualFormulaTheRulesCannotReachIsEqualOnRandomInstances() throws Exception {
        // σ′(z) written as e^{−z} / (1 + e^{−z})²: true, but no rule rewrites it
        Verdict v = check("Matrix delta_z1 = hadamard(W2.T * delta_z2, exp(-z1) / square(1 + exp(-z1)));", false);
        assertEquals(Verdict.Kind.EQUAL_NUMERIC, v.kind(), v.toString());
        assertTrue(v.toString().startsWith("hand.java:1:23: delta_z1: equal on 5 random instances (max relative difference "), v.toString());
    }

    @Test
    void aMissingSigmoidPrimeIsNamed() throws Exception {
        Verdict v = check("Matrix delta_z1 = W2.T * delta_z2;", false);
        assertFalse(v.equal());
        assertTrue(v.toString().startsWith("hand.java:1:23: delta_z1: differs: at instance "), v.toString());
        assertTrue(v.toString().endsWith("; your delta_z1 lacks the factor ⊙ σ′(z¹)"), v.toString());
    }

    @Test
    void wInsteadOfWTransposedIsNamed() throws Exception {
        Verdict v = check("Matrix delta_z1 = hadamard(W2 * delta_z2, sigmoidPrime(z1));", false);
        assertTrue(v.toString().endsWith("; it uses W² where the derivative has (W²)ᵀ"), v.toString());
    }

    @Test
    void aMissingOneOverNIsNamedInBatchForm() throws Exception {
        Verdict v = check("Matrix delta_z2 = a2 - y;", true);
        assertTrue(v.toString().endsWith("; your delta_z2 lacks the factor 1/n (the mean over the batch's n samples)"), v.toString());
        assertEquals(Verdict.Kind.EQUAL_PROVED, check("Matrix delta_z2 = (1.0 / n) * (a2 - y);", true).kind());
    }

    @Test
    void theWrongSignIsNamed() throws Exception {
        Verdict v = check("Matrix delta_z2 = y - a2;", false);
        assertTrue(v.toString().endsWith("; your delta_z2 has the wrong sign"), v.toString());
    }

    @Test
    void swappedActivationAndInputAreNamed() throws Exception {
        Verdict v = check("Matrix dW2 = delta_z2 * x.T;", false);
        assertTrue(v.toString().endsWith("; it uses x (the input) where the derivative has a¹ (layer 1's activation)"),
                v.toString());
    }

    @Test
    void aDerivedNameInAFormulaIsNamedInTheReason() throws Exception {
        // per sample, ∂C/∂b¹ is δ¹ itself
        Verdict v = check("Matrix db1 = square(delta_z1);", false);
        assertTrue(v.toString().endsWith("; your db1 has an extra factor ⊙ δ¹"), v.toString());
    }

    @Test
    void aDifferenceNoSingleEditExplainsStillSaysWhere() throws Exception {
        Verdict v = check("Matrix db1 = exp(a1) - hadamard(z1, x);", false);
        assertTrue(v.toString().matches("hand\\.java:1:23: db1: differs: at instance \\d, entry \\(\\d, 1\\): "
                + "yours -?[0-9.e-]+, derived -?[0-9.e-]+"), v.toString());
    }

    @Test
    void aNameDeriveDoesNotGiveIsAPositionedDiagnostic() throws Exception {
        CheckReport r = FormulaChecker.check(square(), "class H {\n  Matrix dW3 = W1;\n}", "hand.java", false);
        assertFalse(r.allEqual());
        assertEquals("hand.java:2:10: derive gives no dW3: the formulas it gives are delta_z2, delta_z1, dW1, db1, "
                + "dW2, db2 (did you mean dW1?)", r.diagnostics().get(0).toString());
    }

    @Test
    void aFormulaOfTheWrongShapeIsAPositionedDiagnostic() throws Exception {
        CheckReport r = FormulaChecker.check(Spec.parse(Path.of("../examples/mnist_mlp.java")),
                "class H {\n  Matrix dW2 = delta_z2 * x.T;\n}", "hand.java", false);
        assertEquals("hand.java:2:16: dW2 is 10×128 but this formula is 10×784; it uses x (the input) where the derivative"
                + " has a¹ (layer 1's activation)", r.diagnostics().get(0).toString());
        assertTrue(r.verdicts().isEmpty());
    }

    @Test
    void formulasMayBeStatementsInAMethod() throws Exception {
        CheckReport r = FormulaChecker.check(square(),
                "class H { void formulas() { delta_z2 = a2 - y; dW2 = delta_z2 * a1.T; } }", "hand.java", false);
        assertTrue(r.allEqual(), r.toString());
        assertEquals(2, r.verdicts().size());
        assertEquals(4, r.notGiven().size());
    }

    @Test
    void aLocalThatIsNoFormulaNamesATermTheFormulasUse() throws Exception {
        CheckReport r = FormulaChecker.check(square(), """
                class H { void formulas() {
                    Matrix back = W2.T * delta_z2;
                    delta_z1 = hadamard(back, sigmoidPrime(z1));
                } }""", "hand.java", false);
        assertTrue(r.allEqual(), r.toString());
        assertEquals(1, r.verdicts().size());
    }

    @Test
    void aLocalMayNotHideANameOfTheSpec() throws Exception {
        CheckReport r = FormulaChecker.check(square(),
                "class H { void formulas() {\n  Matrix a1 = z1;\n  delta_z1 = a1; } }", "hand.java", false);
        assertEquals("hand.java:2:10: a1 is already a name of the spec; give this term another name",
                r.diagnostics().get(0).toString());
    }

    @Test
    void whatDerivePrintsInAsciiReadsBackAsEqualFormulas() throws Exception {
        // a nested softmax: its exact VJP has a column of ones and shared terms, both written in spec syntax
        Graph nested = Spec.read("""
                class Nested {
                    Matrix x = input(4);
                    Matrix y = target(4);
                    Matrix W = param(4, 4);
                    Matrix loss() {
                        Matrix a = softmax(softmax(W * x));
                        return mse(a, y);
                    }
                }
                """, "nested.java").orThrow();
        for (boolean batch : new boolean[] {false, true}) {
            Equations equations = batch ? Equations.batch(nested) : Equations.perSample(nested);
            String ascii = equations.print(Format.ASCII);
            assertTrue(ascii.contains("ones(4, 1)"), ascii);
            CheckReport r = FormulaChecker.check(nested, "class H { void formulas() {\n" + ascii + "} }", "hand.java", batch);
            assertTrue(r.allEqual() && r.notGiven().isEmpty(), ascii + "\n" + r);
        }
    }

    @Test
    void onesIsAMatrixOfOnesOfAGivenShape() throws Exception {
        Verdict v = check("Matrix db2 = (a2 - y) * ones(1, 1);", false);
        assertEquals(Verdict.Kind.EQUAL_PROVED, v.kind(), v.toString());
        CheckReport r = FormulaChecker.check(square(), "class H { Matrix db2 = (a2 - y) * ones(1, 0.5); }", "hand.java", false);
        assertEquals("hand.java:1:43: a dimension is a positive integer or n, got 0.5", r.diagnostics().get(0).toString());
    }
}
