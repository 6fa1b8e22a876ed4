package deltac.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --check-numerics} stops at the first NaN or infinity with one line for the user that names the op,
 * its name in the spec and the step: here a log of the negative entries of W x, on Iris, at the first step, on
 * either engine. (The gradient, 1/z, stays finite: the loss is what goes NaN.)
 */
class CheckNumericsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "--engine {0}")
    @ValueSource(strings = {"bytecode", "ejml"})
    void aLogOfANegativeStopsTrainingWithOneLine(String engine) throws IOException {
        Path spec = dir.resolve("log_negative.java");
        Files.writeString(spec, """
                class LogNegative {
                    Matrix x = input(4);
                    Matrix y = target(3);
                    Matrix W = param(3, 4);
                    Matrix loss() {
                        Matrix z = W * x;
                        Matrix h = log(z);
                        return mse(z, y) + sum(h);
                    }
                }
                """);
        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("train", spec.toString(),
                "--data", "iris", "--epochs", "2", "--check-numerics", "--engine", engine));
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.err());
        String line = lines.get(0);
        assertTrue(line.startsWith(spec + ": "), line);
        assertTrue(line.contains("NaN"), "says what went wrong: " + line);
        assertTrue(line.contains("the value of log (h)"), "names the op and its name in the spec: " + line);
        assertTrue(line.contains("at step 1"), "names the step: " + line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(run.out().contains("test: loss"), "stopped before evaluating: " + run.out());
    }
}
