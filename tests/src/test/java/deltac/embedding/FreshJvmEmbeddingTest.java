package deltac.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an app developer does: compile a spec into a jar, compile an app against that jar and the runtime, and run the
 * app in a fresh JVM whose class path holds the app, the generated jar, the runtime jar and EJML (the runtime's one
 * dependency), nothing of deltac's compiler. The app loads trained weights, trains a few more epochs, predicts and
 * prints its accuracy.
 */
class FreshJvmEmbeddingTest {
    @TempDir
    Path dir;

    private static final String APP = """
            package app;

            import deltac.runtime.Trainer;
            import deltac.runtime.data.Bundled;
            import deltac.runtime.data.FeedSet;
            import deltac.runtime.train.Checkpoints;
            import deltac.runtime.train.Fit;
            import deltac.runtime.train.FitOptions;
            import deltac.runtime.train.Sgd;
            import java.nio.file.Path;

            public class App {
                public static void main(String[] args) throws Exception {
                    IrisMlpTrainer net = new IrisMlpTrainer();
                    Checkpoints.load(net, Path.of(args[0]));
                    FeedSet iris = FeedSet.bind(Bundled.iris(), net);
                    Fit.run(net, iris, null, new Sgd(0.05), FitOptions.defaults().epochs(5).batchSize(8));
                    float[] out = new float[3];
                    net.predict(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, out);       // one setosa flower
                    System.out.printf("setosa %.3f%n", out[0]);
                    System.out.printf("accuracy %.2f%%%n", 100 * Fit.evaluate(net, iris, 150).accuracy());
                    try {
                        Class.forName("deltac.graph.Graph");
                        System.out.println("the compiler is on the class path");
                    } catch (ClassNotFoundException e) {
                        System.out.println("no compiler on the class path");
                    }
                }
            }
            """;

    @Test
    void anAppRunsTheGeneratedJarWithTheRuntimeAlone() throws Exception {
        Path jar = dir.resolve("iris-mlp.jar");
        Path weights = dir.resolve("w.safetensors");
        cli("compile", "../examples/iris_mlp.java", "--jar", jar.toString(), "--package", "app");
        cli("train", "../examples/iris_mlp.java", "--data", "iris", "--epochs", "60", "--save", weights.toString());

        List<String> runtime = List.of(location(deltac.runtime.Model.class), location(org.ejml.data.DMatrixRMaj.class),
                location(org.ejml.dense.row.CommonOps_DDRM.class), location(org.ejml.dense.row.CommonOps_FDRM.class));
        Path source = dir.resolve("src/app/App.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, APP);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> compileClassPath = new ArrayList<>(runtime);
        compileClassPath.add(0, jar.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("--release", "17", "-d", classes.toString(), "-cp",
                String.join(File.pathSeparator, compileClassPath)), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertTrue(compiled, errors.toString());

        List<String> classPath = new ArrayList<>(compileClassPath);
        classPath.add(0, classes.toString());
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, classPath), "app.App", weights.toString())
                .redirectErrorStream(true).start();
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app did not end: " + out);
        assertEquals(0, app.exitValue(), out);
        assertTrue(out.contains("no compiler on the class path"), out);
        double setosa = Double.parseDouble(out.replaceAll("(?s).*setosa ([0-9.]+).*", "$1"));
        assertTrue(setosa > 0.8, "the setosa flower's probability " + out);
        double accuracy = Double.parseDouble(out.replaceAll("(?s).*accuracy ([0-9.]+)%.*", "$1"));
        assertTrue(accuracy >= 90, out);
    }

    /**
     * The README's standalone example, step by step: train iris_mlp and save its weights, compile the scorer into a jar,
     * compile the README's Score class against the jar alone and run it in a fresh JVM with the jar alone (with and
     * without the Vector API module): it prints what the README says it prints, and the jar is about 5.5 KB.
     */
    @Test
    void theReadmesStandaloneScorerRunsWithItsOwnJarAlone() throws Exception {
        Path weights = dir.resolve("w.safetensors");
        Path jar = dir.resolve("iris-scorer.jar");
        cli("train", "../examples/iris_mlp.java", "--data", "iris", "--save", weights.toString());
        cli("compile", "../examples/iris_mlp.java", "--standalone", "--weights", weights.toString(), "--jar",
                jar.toString(), "--package", "com.example");
        long bytes = Files.size(jar);
        assertTrue(bytes >= 5_000 && bytes <= 6_000, "the README says about 5.5 KB: " + bytes + " bytes");
        Path source = dir.resolve("src/Score.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                import com.example.IrisMlpScorer;

                public class Score {
                    public static void main(String[] args) throws Exception {
                        IrisMlpScorer iris = new IrisMlpScorer();                    // the trained weights, from the jar
                        float[] p = iris.predict(new float[] {6.3f, 3.3f, 6.0f, 2.5f}); // one flower's four measurements
                        System.out.printf("setosa %.3f  versicolor %.3f  virginica %.3f%n", p[0], p[1], p[2]);
                    }
                }
                """);
        Path classes = dir.resolve("score-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        assertTrue(javac.getTask(errors, null, null, List.of("--release", "17", "-d", classes.toString(), "-cp",
                jar.toString()), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                .getJavaFileObjects(source)).call(), errors.toString());
        for (boolean vector : new boolean[] {false, true}) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (vector) {
                command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
            }
            command.addAll(List.of("-cp", classes + File.pathSeparator + jar, "Score"));
            Process app = new ProcessBuilder(command).start();
            String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(app.waitFor(60, TimeUnit.SECONDS), out);
            assertEquals(0, app.exitValue(), out);
            assertEquals("setosa 0.000  versicolor 0.031  virginica 0.969" + System.lineSeparator(), out,
                    "the README's printed probabilities, Vector API " + vector);
        }
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
