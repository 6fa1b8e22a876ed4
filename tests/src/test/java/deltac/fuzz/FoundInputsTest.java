package deltac.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import deltac.graph.spec.Diagnostic;
import deltac.graph.spec.Spec;
import deltac.graph.spec.SpecResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The inputs the fuzzers found, cut down: those fixed stay fixed. An input of a {@link KnownIssue} is kept here
 * disabled until its issue is fixed (then enable the test and delete the issue).
 */
class FoundInputsTest {
    private static final Bounded BOUNDED = new Bounded(Duration.ofSeconds(30));

    @AfterAll
    static void stopWorker() {
        BOUNDED.close();
    }

    static FrontEnd.Outcome spec(String text) {
        return BOUNDED.run("the spec reader", text, () -> FrontEnd.spec(text));
    }

    /** JavaCC puts the end of file on the last character read: the \n of a final \r\n, one column too far. */
    @Test
    void anUnexpectedEndAfterCrLfPointsInsideTheLastLine() {
        String text = "class Net {\r\n    Matrix x = input(4);\r\n    Matrix loss() {\r\n        return sum(x);\r\n    }\r\n";
        SpecResult result = Spec.read(text, FrontEnd.FILE);
        Diagnostic error = result.errors().get(0);
        assertEquals("fuzzed.java:5:6: syntax error: unexpected end of file", error.toString());
        assertEquals(FrontEnd.Outcome.SPEC_ERROR, spec(text));
    }

    /** {@code (a, b).init(...)} reads as a lambda; the diagnostic quoted the lambda's two-line body. */
    @Test
    void aMethodCallOnALambdaIsQuotedOnOneLine() {
        String text = """
                class Net {
                    Matrix x = input(4);
                    Matrix y = target(3);
                    Matrix W = (param3, hidden).init(normal(0.1));
                    Matrix loss() { return mse(W * x, y); }
                }
                """;
        Diagnostic error = Spec.read(text, FrontEnd.FILE).errors().get(0);
        assertFalse(error.message().contains("\n"), error.toString());
        assertEquals("fuzzed.java:4:16: unsupported Java construct: method call (param3, hidden) -> { }.init(...)"
                + " (a spec calls only the functions of the spec language)", error.toString());
        assertEquals(FrontEnd.Outcome.SPEC_ERROR, spec(text));
    }

    static String withLoss(String loss) {
        return """
                class Net {
                    Matrix x = input(4);
                    Matrix y = target(4);
                    Matrix W = param(4, 4);
                    Matrix V = param(4, 4);
                    Matrix b = param(4);
                    Matrix loss() {
                        Matrix z1 = W * x + b;
                        return %s;
                    }
                }
                """.formatted(loss);
    }

    @Test
    void aThousandTermQuotientPrints() {
        assertEquals(FrontEnd.Outcome.GRAPH, spec(withLoss("mse(z1, y) + sum(b" + "/b".repeat(1_000) + ")")));
    }

    @Test
    void twentyNestedSoftmaxPrintInTime() {
        assertEquals(FrontEnd.Outcome.GRAPH,
                spec(withLoss("mse(" + "softmax(".repeat(20) + "z1" + ")".repeat(20) + ", y)")));
    }

    @Test
    void twoHundredUnaryMinusesUnderAScalingDerive() {
        assertEquals(FrontEnd.Outcome.GRAPH, spec(withLoss("mse(z1, y) + 0.5 * sum(square(" + "- ".repeat(200) + "V))")));
    }

    @Test
    void twentyThousandUnaryMinusesDeriveQuickly() {
        assertEquals(FrontEnd.Outcome.GRAPH, spec(withLoss("mse(z1 + " + "- ".repeat(19_990) + "b, y)")));
    }

    @Test
    void anEightThousandTermFormulaIsExplained() {
        String formulas = "class XorByHand {\n    Matrix delta_z2 = hadamard(a2 - y" + " - y".repeat(8_000)
                + ", sigmoidPrime(z2));\n}\n";
        assertEquals(FrontEnd.Outcome.VERDICTS, BOUNDED.run("the formula checker", formulas,
                () -> FrontEnd.formulas(formulas)));
    }

    /** A character the tokenizer rejects, in a file whose lines end in a lone \r: its line was counted by \n only. */
    @Test
    void aBadCharacterAfterLoneCarriageReturnsIsOnItsLine() {
        String formulas = "class LogisticRegressionByHand {\r    void formulas() {\r        Matrix delta_z = p - y;\r"
                + "         `  Matrix db = delta_z;\r    }\r}\r";
        assertEquals(FrontEnd.Outcome.FORMULA_ERROR, BOUNDED.run("the formula checker", formulas,
                () -> FrontEnd.formulas(formulas)));
    }
}
