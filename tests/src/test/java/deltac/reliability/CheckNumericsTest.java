package deltac.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
 * either engine. The square of that log is not finite either; the line must name the log, where it started.
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
                        Matrix k = square(h);
                        return mse(z, y) + sum(k);
                    }
                }
                """);
        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("train", spec.toString(),
                "--data", "iris", "--epochs", "2", "--check-numerics", "--engine", engine));
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.err());
        assertEquals(spec + ": the value of log (h) is not finite (NaN or infinity), at step 1", lines.get(0),
                "names the file, the first op that went wrong, its name in the spec and the step");
        assertFalse(run.out().contains("test: loss"), "stopped before evaluating: " + run.out());
    }
}
