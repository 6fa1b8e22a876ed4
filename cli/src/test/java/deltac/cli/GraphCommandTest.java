package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEveryNodeWithItsShape() {
        CliRun run = CliRun.of("graph", "../examples/mnist_mlp.java");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("MnistMlp  (../examples/mnist_mlp.java)\n"), run.out());
        assertTrue(run.out().contains("  W1    128×784    param  glorot()\n"), run.out());
        assertTrue(run.out().contains("  z1    128×n      = t1 + b1\n"), run.out());
        assertTrue(run.out().contains("  loss  1×1        = crossEntropy(a2, y)\n"), run.out());
    }

    @Test
    void dotIsAGraphvizDigraph() {
        CliRun run = CliRun.of("graph", "--dot", "../examples/xor.java");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("digraph \"Xor\" {"), run.out());
        assertTrue(run.out().contains("[label=\"z1\\n+\\n2×n\"]"), run.out());
        assertTrue(run.out().strip().endsWith("}"));
    }

    @Test
    void aBrokenSpecGivesOnePositionedLineAndExitOne() throws IOException {
        Path spec = dir.resolve("bad.java");
        Files.writeString(spec, """
                class Bad {
                    Matrix x = input(64);
                    Matrix W2 = param(10, 128);
                    Matrix loss() { return sum(W2 * x); }
                }
                """);
        CliRun run = CliRun.of("graph", spec.toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(spec + ":4:32: shape mismatch in product: W2 is 10×128 but x is 64×n"
                + " (the left's columns must equal the right's rows)\n", run.err());
    }

    @Test
    void aMissingFileIsAUserError() {
        CliRun run = CliRun.of("graph", dir.resolve("nope.java").toString());
        assertEquals(1, run.exitCode());
        assertEquals(dir.resolve("nope.java") + ": no such file\n", run.err());
    }

    @Test
    void warningsGoToStderrAndTheGraphIsStillPrinted() throws IOException {
        Path spec = dir.resolve("unused.java");
        Files.writeString(spec, """
                class Unused {
                    Matrix x = input(2);
                    Matrix V = param(3, 3);
                    Matrix W = param(1, 2);
                    Matrix loss() { return sum(W * x); }
                }
                """);
        CliRun run = CliRun.of("graph", spec.toString());
        assertEquals(0, run.exitCode());
        assertEquals(spec + ":3:12: warning: parameter V does not reach the loss, so it will not be trained\n",
                run.err());
        assertFalse(run.out().isEmpty());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("graph").exitCode());
        assertEquals(2, CliRun.of("graph", "--no-such-option", "x.java").exitCode());
        assertEquals(2, CliRun.of("no-such-command").exitCode());
        assertEquals(2, CliRun.of().exitCode());
    }

    @Test
    void everySubcommandHasHelp() {
        CommandLine cli = new CommandLine(new Main());
        for (String name : cli.getSubcommands().keySet()) {
            CliRun run = CliRun.of(name, "--help");
            if (name.equals("help")) {
                continue;
            }
            assertEquals(0, run.exitCode(), name);
            assertTrue(run.out().startsWith("Usage: deltac " + name), name + ": " + run.out());
        }
        assertEquals(0, CliRun.of("--help").exitCode());
        assertTrue(CliRun.of("--version").out().startsWith("deltac "));
    }
}
