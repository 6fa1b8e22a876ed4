package deltac.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch size, epoch count, learning rate or validation fraction out of range is a usage error: exit 2, one message
 * that names the option and the value, before the spec is read or anything is trained.
 */
class UsageErrorTest {
    @TempDir
    static Path dir;

    static Path spec() throws IOException {
        Path spec = dir.resolve("iris_mlp.java");
        if (!Files.exists(spec)) {
            Files.copy(Path.of("../examples/iris_mlp.java"), spec);
        }
        return spec;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --batch  | 0          | --batch must be between 1 and 1000000, got 0
            --batch  | -64        | --batch must be between 1 and 1000000, got -64
            --batch  | 2000000    | --batch must be between 1 and 1000000, got 2000000
            --epochs | 0          | --epochs must be between 1 and 1000000, got 0
            --epochs | -1         | --epochs must be between 1 and 1000000, got -1
            --lr     | -1         | --lr must be a positive number below 1e6, got -1.0
            --lr     | 0          | --lr must be a positive number below 1e6, got 0.0
            --lr     | NaN        | --lr must be a positive number below 1e6, got NaN
            --lr     | Infinity   | --lr must be a positive number below 1e6, got Infinity
            --lr     | 1e300      | --lr must be a positive number below 1e6, got 1.0E300
            --val    | 1.5        | --val must be in [0, 1), got 1.5
            --val    | -0.1       | --val must be in [0, 1), got -0.1
            --val    | NaN        | --val must be in [0, 1), got NaN
            """)
    void anOutOfRangeValueIsAUsageError(String option, String value, String message) throws IOException {
        // a missing data file proves that nothing got as far as loading data
        Cli run = Cli.run("train", spec().toString(), "--data", dir.resolve("no-such.csv").toString(), option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(message, run.errLines().get(0), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains(message)).count(), "said once: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --batch  | many
            --epochs | 1.5
            --lr     | fast
            --epochs | 99999999999
            """)
    void aValueOfTheWrongTypeIsAUsageError(String option, String value) throws IOException {
        Cli run = Cli.run("train", spec().toString(), option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errLines().get(0).contains(option) && run.errLines().get(0).contains(value), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
