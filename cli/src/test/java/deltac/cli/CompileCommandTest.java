package deltac.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.codegen.Compiler;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.train.Checkpoints;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile's happy paths, as the README shows them: a trainer class and its jar, its Java source, a scorer. */
class CompileCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheTrainerClassAndAJarNamingIt() throws Exception {
        Path jar = dir.resolve("xor.jar");
        CliRun run = CliRun.of("compile", "../examples/xor.java", "-o", dir.toString(), "--jar", jar.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path file = dir.resolve("deltac/generated/XorTrainer.class");
        assertEquals("wrote " + file + "\nwrote " + jar + "\n", run.err());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(0xCAFEBABE, bytes.getInt(0));
        assertEquals(61, bytes.getShort(6), "class-file version 61: Java 17");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("deltac.generated.XorTrainer", j.getManifest().getMainAttributes().getValue("Deltac-Trainer"));
            assertArrayEquals(Files.readAllBytes(file), j.getInputStream(j.getEntry("deltac/generated/XorTrainer.class")).readAllBytes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Trainer trainer = (Trainer) loader.loadClass("deltac.generated.XorTrainer").getConstructor().newInstance();
            assertEquals("[x (2×n), y (1×n)]", trainer.feeds().toString());
        }
    }

    /**
     * A network too large for one class file: its trainer and the companion classes beside it, in the directory and
     * in the jar, and the trainer runs from either alone.
     */
    @Test
    void aTrainerSpreadOverSeveralClassesIsWrittenWhole() throws Exception {
        int layers = 2_000;
        StringBuilder spec = new StringBuilder("class Deep {\n  Matrix x = input(2);\n  Matrix y = target(2);\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("  Matrix W").append(l).append(" = param(2, 2);\n  Matrix b").append(l).append(" = param(2);\n");
        }
        spec.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("    Matrix z").append(l).append(" = W").append(l).append(" * a").append(l - 1).append(" + b").append(l)
                    .append(";\n    Matrix a").append(l).append(" = tanh(z").append(l).append(");\n");
        }
        spec.append("    return mse(a").append(layers).append(", y);\n  }\n}\n");
        Path source = dir.resolve("deep.java");
        Files.writeString(source, spec);
        Path jar = dir.resolve("deep.jar");
        CliRun run = CliRun.of("compile", source.toString(), "-o", dir.resolve("classes").toString(), "--jar", jar.toString());
        assertEquals(0, run.exitCode(), run.err());
        java.util.List<String> companions;
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("classes/deltac/generated"))) {
            companions = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("DeepTrainer$Part")).toList();
        }
        assertTrue(companions.size() > 0, run.err());
        assertTrue(run.err().contains("and " + companions.size() + " companion classes beside it"), run.err());
        float[][] feeds = {{0.5f, -0.25f, 0.1f, 0.9f}, {0.2f, 0.3f, -0.4f, 0.5f}};
        try (JarFile j = new JarFile(jar.toFile());
             URLClassLoader fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             URLClassLoader fromDirectory = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
            for (String c : companions) {
                assertTrue(j.getEntry("deltac/generated/" + c) != null, c + " is not in the jar");
            }
            Trainer a = (Trainer) fromJar.loadClass("deltac.generated.DeepTrainer").getConstructor().newInstance();
            Trainer b = (Trainer) fromDirectory.loadClass("deltac.generated.DeepTrainer").getConstructor().newInstance();
            for (int i = 0; i < a.parameters().size(); i++) {
                float[] w = a.parameters().get(i).f32();
                for (int k = 0; k < w.length; k++) {
                    w[k] = 0.3f * (float) Math.sin(7 * i + k);
                }
                System.arraycopy(w, 0, b.parameters().get(i).f32(), 0, w.length);
            }
            double loss = a.loss(feeds, 2);
            assertTrue(loss > 0, "a loss of " + loss);
            assertEquals(loss, b.loss(feeds, 2));
        }
    }

    @Test
    void precisionAndPackageNameTheClass() {
        CliRun run = CliRun.of("compile", "../examples/xor.java", "-o", dir.toString(), "--precision", "f64",
                "--package", "com.example");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("com/example/XorTrainer64.class")), run.err());
    }

    @Test
    void emitJavaPrintsTheGoldenSource() throws Exception {
        CliRun run = CliRun.of("compile", "../examples/xor.java", "--emit-java");
        assertEquals(0, run.exitCode(), run.err());
        String golden = Files.readString(Path.of("../examples/generated/XorTrainer.java"));
        assertEquals(golden, run.out().replace(BytecodeCompiler.version(), "VERSION").replace("../examples/", "examples/"));
    }

    /** The scorer loads with java.base alone (no deltac, no EJML) and predicts what the trainer predicts. */
    @Test
    void standaloneWritesAScorerThatPredictsAsTheTrainer() throws Exception {
        Trainer trainer = Compiler.compile(Spec.parse(Path.of("../examples/iris_mlp.java")), Precision.F32);
        Checkpoints.initialize(trainer, Map.of(), Map.of(), 42);
        Path weights = dir.resolve("w.safetensors");
        Checkpoints.save(trainer, weights, Map.of());
        Path out = dir.resolve("scorer");
        CliRun run = CliRun.of("compile", "../examples/iris_mlp.java", "--standalone", "--weights", weights.toString(),
                "-o", out.toString(), "--package", "com.example");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("wrote " + out.resolve("com/example/IrisMlpScorer.class")), run.err());

        float[] flower = {6.3f, 3.3f, 6.0f, 2.5f};
        float[] want = new float[3];
        trainer.predict(new float[][] {flower}, 1, want);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> scorer = loader.loadClass("com.example.IrisMlpScorer");
            Object iris = scorer.getConstructor().newInstance();
            float[] got = (float[]) scorer.getMethod("predict", float[].class).invoke(iris, (Object) flower);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-5, "class " + i);
            }
        }
    }
}
