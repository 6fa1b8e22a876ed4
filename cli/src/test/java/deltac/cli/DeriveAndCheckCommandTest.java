package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeriveAndCheckCommandTest {
    @TempDir
    Path dir;

    /** The README's derive example, as printed. */
    @Test
    void derivePrintsTheTextbookEquations() {
        CliRun run = CliRun.of("derive", "../examples/mnist_mlp.java");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                MnistMlp (../examples/mnist_mlp.java), per sample

                Forward
                  z¹ = W¹ x + b¹
                  a¹ = σ(z¹)
                  z² = W² a¹ + b²
                  a² = softmax(z²)
                  C  = crossEntropy(a², y)

                Backward
                  δ²     = a² − y
                  δ¹     = ((W²)ᵀ δ²) ⊙ σ′(z¹)
                  ∂C/∂W² = δ² (a¹)ᵀ
                  ∂C/∂b² = δ²
                  ∂C/∂W¹ = δ¹ xᵀ
                  ∂C/∂b¹ = δ¹
                """), run.out());
    }

    @Test
    void deriveWritesAFileInTheChosenFormat() throws Exception {
        Path out = dir.resolve("eq.tex");
        CliRun run = CliRun.of("derive", "--format", "latex", "--batch", "-o", out.toString(), "../examples/xor.java");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(Files.readString(out).contains("\\frac{1}{n}"));
        assertEquals(2, CliRun.of("derive", "--format", "pdf", "../examples/xor.java").exitCode());
    }

    @Test
    void checkExitsZeroWhenEveryFormulaIsEqual() {
        CliRun run = CliRun.of("check", "../examples/mnist_mlp.java", "--by-hand", "../examples/mnist_mlp_by_hand.java");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(6, run.out().lines().filter(l -> l.contains(": equal, proved by rewriting")).count(), run.out());
        // the README's first two lines of this run
        assertTrue(run.out().startsWith("""
                ../examples/mnist_mlp_by_hand.java:9:12: delta_z2: equal, proved by rewriting (the same expression)
                ../examples/mnist_mlp_by_hand.java:10:12: delta_z1: equal, proved by rewriting (Aᵀ B → transposed-A product; \
                a ⊙ b = b ⊙ a; σ′(z) → a ⊙ (1 − a), a = σ(z))
                """), run.out());
    }

    @Test
    void checkExitsOneWhenAFormulaDiffers() throws Exception {
        Path hand = dir.resolve("hand.java");
        Files.writeString(hand, "class H {\n  Matrix delta_z2 = y - a2;\n}\n");
        CliRun run = CliRun.of("check", "../examples/mnist_mlp.java", "--by-hand", hand.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(hand + ":2:10: delta_z2: differs: "), run.out());
        assertTrue(run.out().contains("your delta_z2 has the wrong sign\nnot given: delta_z1, dW1, db1, dW2, db2\n"), run.out());
    }

    @Test
    void checkReportsABadFormulaFileAsOnePositionedLine() throws Exception {
        Path hand = dir.resolve("bad.java");
        Files.writeString(hand, "class H {\n  Matrix delta_z2 = a2 - ;\n}\n");
        CliRun run = CliRun.of("check", "../examples/mnist_mlp.java", "--by-hand", hand.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(hand + ":2:"), run.err());
    }
}
