package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train's --seed, on the generated trainer (the default engine): the same seed gives the same loss curve and the
 * same weights, bit for bit; another seed gives another curve.
 */
class SameSeedTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedSameCurveAndWeights() throws Exception {
        assertEquals(train("a", 7), train("b", 7));
        assertNotEquals(train("c", 7).curve(), train("d", 8).curve());
    }

    private record Run(List<String> curve, List<String> weights) {}

    /** The per-epoch losses and accuracies (not the timings) and every weight's bits. */
    private Run train(String name, int seed) throws Exception {
        Path metrics = dir.resolve(name + ".csv");
        Path weights = dir.resolve(name + ".safetensors");
        CliRun run = CliRun.of("train", "../examples/iris_mlp.java", "--data", "iris", "--epochs", "5",
                "--seed", Integer.toString(seed), "--metrics", metrics.toString(), "--save", weights.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> curve = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            if (!line.startsWith("#")) {
                List<String> fields = Arrays.asList(line.split(",", -1));
                curve.add(String.join(",", fields.subList(0, 5))); // epoch, train loss and accuracy, validation's
            }
        }
        assertEquals(6, curve.size(), "a header and 5 epochs: " + curve);
        Checkpoint c = Safetensors.read(weights);
        List<String> bits = new ArrayList<>();
        for (Tensor t : c.tensors()) {
            bits.add(t.name() + Arrays.toString(t.asF64()));
        }
        return new Run(curve, bits);
    }
}
