package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A written class loads in an app's class loader, beside the runtime alone; its Java source means the same. */
class EmbeddingTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenClassLoadsAndTrainsWithTheRuntimeAlone() throws Exception {
        Derivation d = Autodiff.derive(Spec.parse(Path.of("../examples/iris_mlp.java")));
        byte[] bytes = BytecodeCompiler.classFiles(d, Precision.F32, "app/IrisMlpTrainer", false).get("app/IrisMlpTrainer");
        Path file = dir.resolve("app/IrisMlpTrainer.class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Trainer.class.getClassLoader())) {
            Class<?> type = loader.loadClass("app.IrisMlpTrainer");
            Trainer t = (Trainer) type.getDeclaredConstructor().newInstance();
            assertEquals("IrisMlp", t.name());
            Method w1 = type.getMethod("W1");
            assertSame(t.parameter("W1").f32(), w1.invoke(t), "the typed accessor is the live buffer");
            float[] x = new float[4 * 3];
            float[] y = new float[3 * 3];
            java.util.Arrays.fill(x, 0.5f);
            y[0] = 1;
            y[3 + 1] = 1;
            y[6 + 2] = 1;
            t.parameter("W1").f32()[0] = 0.3f;
            double loss = t.computeGradients(new float[][] {x, y}, 3);
            assertEquals(Math.log(3), loss, 1e-5, "zero second layer: the uniform guess");
            float[] out = new float[3];
            type.getMethod("predict", float[].class, float[].class).invoke(t, new float[] {1, 2, 3, 4}, out);
            assertEquals(1, out[0] + out[1] + out[2], 1e-6);
        }
    }

    @Test
    void theEmittedJavaCompilesAndComputesWhatTheBytecodeComputes() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Derivation d = Autodiff.derive(Spec.parse(Path.of("../examples/mnist_deep.java")));
        String source = BytecodeCompiler.javaSource(d, Precision.F64, "app/MnistDeepTrainer64");
        Path sourceFile = dir.resolve("app/MnistDeepTrainer64.java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);
        int status = javac.run(null, null, System.err, "-cp", System.getProperty("java.class.path"), "-d",
                dir.toString(), sourceFile.toString());
        assertEquals(0, status, "javac on the emitted source");
        Trainer fromBytecode = BytecodeCompiler.trainer(d, Precision.F64, false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Trainer.class.getClassLoader())) {
            Trainer fromSource = (Trainer) loader.loadClass("app.MnistDeepTrainer64").getDeclaredConstructor().newInstance();
            java.util.Random rng = new java.util.Random(4);
            for (int i = 0; i < fromSource.parameters().size(); i++) {
                double[] a = fromSource.parameters().get(i).f64();
                double[] b = fromBytecode.parameters().get(i).f64();
                for (int k = 0; k < a.length; k++) {
                    a[k] = b[k] = rng.nextGaussian() * 0.05;
                }
            }
            int n = 5;
            double[] x = new double[784 * n];
            double[] y = new double[10 * n];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextDouble();
            }
            for (int j = 0; j < n; j++) {
                y[j * 10 % (10 * n) + j] = 1;
            }
            assertEquals(fromBytecode.computeGradients(new double[][] {x, y}, n), fromSource.computeGradients(new double[][] {x, y}, n), 0);
            for (int i = 0; i < fromSource.gradients().size(); i++) {
                assertTrue(java.util.Arrays.equals(fromBytecode.gradients().get(i).f64(), fromSource.gradients().get(i).f64()),
                        "∂C/∂" + fromSource.gradients().get(i).name() + " bit for bit");
            }
        }
    }
}
