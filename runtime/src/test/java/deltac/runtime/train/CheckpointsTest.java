package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Model;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir
    Path dir;

    /** A model that is only its parameters, named and shaped as given: {@code "W1", 4, 3, "b1", 4, 1}. */
    private static Model model(Precision precision, Object... nameRowsCols) {
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < nameRowsCols.length; i += 3) {
            String name = (String) nameRowsCols[i];
            int rows = (Integer) nameRowsCols[i + 1];
            int cols = (Integer) nameRowsCols[i + 2];
            params.add(precision == Precision.F32 ? Tensor.of(name, rows, cols, new float[rows * cols])
                    : Tensor.of(name, rows, cols, new double[rows * cols]));
        }
        return new Model() {
            @Override public String name() { return "Net"; }
            @Override public Precision precision() { return precision; }
            @Override public List<deltac.runtime.Feed> inputs() { return List.of(new deltac.runtime.Feed("x", 3)); }
            @Override public int outputRows() { return 4; }
            @Override public deltac.runtime.OutputKind outputKind() { return deltac.runtime.OutputKind.CLASSES; }
            @Override public java.util.Optional<String> comparedWith() { return java.util.Optional.empty(); }
            @Override public List<Tensor> parameters() { return params; }
            @Override public void predict(float[][] x, int n, float[] out) {}
            @Override public void predict(double[][] x, int n, double[] out) {}
        };
    }

    @Test
    void savesAndLoadsEveryParameterWithMetadata() throws CheckpointException {
        Model a = model(Precision.F32, "W1", 4, 3, "b1", 4, 1);
        Checkpoints.initialize(a, Map.of("b1", Initializer.NORMAL), Map.of("b1", 0.1), 5);
        Path file = dir.resolve("w.safetensors");
        Checkpoints.save(a, file, Map.of("deltac.epoch", "3"));

        Model b = model(Precision.F32, "W1", 4, 3, "b1", 4, 1);
        Checkpoint c = Checkpoints.load(b, file);
        assertArrayEquals(a.parameter("W1").f32(), b.parameter("W1").f32());
        assertArrayEquals(a.parameter("b1").f32(), b.parameter("b1").f32());
        assertEquals(Map.of("deltac.model", "Net", "deltac.precision", "F32", "deltac.epoch", "3"), c.metadata());
        assertEquals("F32", Safetensors.read(file).get("W1").dtype());
    }

    @Test
    void convertsBetweenPrecisions() throws CheckpointException {
        Model f64 = model(Precision.F64, "W1", 4, 3);
        Checkpoints.initialize(f64, Map.of(), Map.of(), 9);
        Path file = dir.resolve("w64.safetensors");
        Checkpoints.save(f64, file, null);
        assertEquals("F64", Safetensors.read(file).get("W1").dtype());

        Model f32 = model(Precision.F32, "W1", 4, 3);
        Checkpoints.load(f32, file);
        assertArrayEquals(f64.parameter("W1").asF32(), f32.parameter("W1").f32());

        Model back = model(Precision.F64, "W1", 4, 3);
        Checkpoints.save(f32, file, null);
        Checkpoints.load(back, file);
        assertArrayEquals(f32.parameter("W1").asF64(), back.parameter("W1").f64());
    }

    @Test
    void aWrongShapeIsNamedAndNothingIsCopied() throws CheckpointException {
        Model small = model(Precision.F32, "b1", 4, 1, "W1", 64, 784);
        Arrays.fill(small.parameter("b1").f32(), 7f);
        Path file = dir.resolve("w.safetensors");
        Checkpoints.save(small, file, null);

        Model spec = model(Precision.F32, "b1", 4, 1, "W1", 128, 784);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.load(spec, file));
        assertEquals(file + ": W1 is 128×784 in the spec but 64×784 in the checkpoint", e.getMessage());
        assertEquals(0f, spec.parameter("b1").f32()[0], "b1 validated but must not be copied");
    }

    @Test
    void aMissingParameterIsNamed() throws CheckpointException {
        Path file = dir.resolve("w.safetensors");
        Checkpoints.save(model(Precision.F64, "W1", 4, 3), file, null);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoints.load(model(Precision.F64, "W1", 4, 3, "b1", 4, 1), file));
        assertTrue(e.getMessage().contains("b1 (4×1 in the spec) is missing"), e.getMessage());
    }

    @Test
    void initializationIsPerParameterSoAddingOneChangesNoOther() {
        Model two = model(Precision.F64, "W1", 4, 3, "W2", 2, 4);
        Model three = model(Precision.F64, "W0", 3, 3, "W1", 4, 3, "W2", 2, 4);
        Checkpoints.initialize(two, Map.of(), Map.of(), 42);
        Checkpoints.initialize(three, Map.of(), Map.of(), 42);
        assertArrayEquals(two.parameter("W1").f64(), three.parameter("W1").f64());
        assertArrayEquals(two.parameter("W2").f64(), three.parameter("W2").f64());
        assertFalse(Arrays.equals(two.parameter("W1").f64(), new double[12]), "matrices default to Glorot");
    }

    @Test
    void biasesDefaultToZerosAndKindsAreHonoured() {
        Model m = model(Precision.F32, "W1", 4, 3, "b1", 4, 1);
        Arrays.fill(m.parameter("b1").f32(), 3f);
        Checkpoints.initialize(m, Map.of("W1", Initializer.UNIFORM), Map.of("W1", 0.01), 1);
        assertArrayEquals(new float[4], m.parameter("b1").f32());
        for (float v : m.parameter("W1").f32()) {
            assertTrue(Math.abs(v) < 0.01f);
        }
    }

    @Test
    void aTypoInTheNamesIsAnError() {
        Model m = model(Precision.F32, "W1", 4, 3);
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.initialize(m, Map.of("w1", Initializer.HE), Map.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.initialize(m, Map.of(), Map.of("W2", 0.1), 1));
    }
}
