package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.ejml.EjmlTrainer;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.train.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Networks of any depth and width compile: every method under HotSpot's 8,000-byte limit, a network too large for
 * one class file spread over companion classes, and they compute what the interpreter computes.
 *
 * <p>The spread network has {@code -Ddeltac.deep.layers} layers: 2,000 by default, past the ~1,200 one class file
 * held; 5,000 (38 s on 2 busy cores) with
 * <pre>
 * nice -n 10 mvn -o -q -pl runtime,graph,autodiff,codegen test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='DeepNetworkTest#aNetworkTooLargeForOneClassFileIsSpreadOverCompanionsAndEqualsTheInterpreter' -Ddeltac.deep.layers=5000
 * </pre>
 */
class DeepNetworkTest {

    static Graph deep(int layers, int width) throws Exception {
        StringBuilder spec = new StringBuilder("class Deep {\n  Matrix x = input(" + width + ");\n  Matrix y = target(" + width + ");\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("  Matrix W").append(l).append(" = param(").append(width).append(", ").append(width).append(");\n");
            spec.append("  Matrix b").append(l).append(" = param(").append(width).append(");\n");
        }
        spec.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("    Matrix a").append(l).append(" = tanh(W").append(l).append(" * a").append(l - 1)
                    .append(" + b").append(l).append(");\n");
        }
        spec.append("    return mse(a").append(layers).append(", y);\n  }\n}\n");
        return Spec.read(spec.toString(), "deep.java").orThrow();
    }

    /** L tanh layers with named pre-activations ({@code Matrix zL = WL * aL-1 + bL; Matrix aL = tanh(zL);}), as bench's DepthBenchmark. */
    static Graph named(int layers, int width) throws Exception {
        StringBuilder spec = new StringBuilder("class Deep {\n  Matrix x = input(" + width + ");\n  Matrix y = target(" + width + ");\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("  Matrix W").append(l).append(" = param(").append(width).append(", ").append(width).append(");\n");
            spec.append("  Matrix b").append(l).append(" = param(").append(width).append(");\n");
        }
        spec.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            spec.append("    Matrix z").append(l).append(" = W").append(l).append(" * a").append(l - 1).append(" + b").append(l).append(";\n");
            spec.append("    Matrix a").append(l).append(" = tanh(z").append(l).append(");\n");
        }
        spec.append("    return mse(a").append(layers).append(", y);\n  }\n}\n");
        return Spec.read(spec.toString(), "deep.java").orThrow();
    }

    @Test
    void aNetworkTooLargeForOneClassFileIsSpreadOverCompanionsAndEqualsTheInterpreter() throws Exception {
        int layers = Integer.getInteger("deltac.deep.layers", 2000);
        Derivation d = Autodiff.derive(named(layers, 16));
        java.util.Map<String, byte[]> classes = BytecodeCompiler.classFiles(d, Precision.F64, "deltac/generated/DeepTrainer64", false);
        assertTrue(classes.size() > 1, "one class for " + layers + " layers");
        assertEquals("deltac/generated/DeepTrainer64", classes.keySet().iterator().next(), "the trainer first");
        classes.forEach((name, bytes) -> GeneratedClassFileTest.assertEmbeddable(name, bytes, "deep.java", classes.keySet()));
        Trainer generated = BytecodeCompiler.trainer(d, Precision.F64, false);
        assertTrue(!generated.getClass().isHidden(), "defined with its companions in a loader of its own");
        EjmlTrainer reference = new EjmlTrainer(d, Precision.F64);
        equalTheInterpreter(generated, reference, 16, 1);
        double[][] feeds = feeds(new Random(9), 16, 3);
        double before = reference.loss(feeds, 3);
        assertEquals(reference.step(feeds, 3, new Sgd(0.5)), generated.step(feeds, 3, new Sgd(0.5)), 1e-10 * Math.max(1, before));
        double after = generated.loss(feeds, 3);
        assertTrue(after < before, before + " → " + after);
        assertEquals(reference.loss(feeds, 3), after, 1e-10 * Math.max(1, after), "the loss after a step");
    }

    /** The loss and every gradient (or every {@code stride}-th) at n = 1 and n = 3, from the same random parameters. */
    static void equalTheInterpreter(Trainer generated, Trainer reference, int width, int stride) {
        Random rng = new Random(5);
        for (int i = 0; i < generated.parameters().size(); i++) {
            double[] g = generated.parameters().get(i).f64();
            double[] r = reference.parameters().get(i).f64();
            for (int k = 0; k < g.length; k++) {
                g[k] = r[k] = rng.nextGaussian() * 0.4;
            }
        }
        for (int n : new int[] {1, 3}) {
            double[][] feeds = feeds(rng, width, n);
            double want = reference.computeGradients(feeds, n);
            assertEquals(want, generated.computeGradients(feeds, n), 1e-10 * Math.max(1, Math.abs(want)));
            for (int i = 0; i < generated.gradients().size(); i += stride) {
                Tensor r = reference.gradients().get(i);
                GeneratedVersusInterpreterTest.assertClose(r.f64(), generated.gradients().get(i).f64(), 1e-10,
                        "∂C/∂" + r.name() + " at n=" + n);
            }
        }
    }

    private static double[][] feeds(Random rng, int width, int n) {
        double[][] feeds = {new double[width * n], new double[width * n]};
        for (double[] f : feeds) {
            for (int k = 0; k < f.length; k++) {
                f[k] = rng.nextDouble();
            }
        }
        return feeds;
    }

    @Test
    void aThousandLayersCompileAndEqualTheInterpreter() throws Exception {
        Derivation d = Autodiff.derive(deep(1000, 8));
        Trainer generated = BytecodeCompiler.trainer(d, Precision.F64, false);
        assertTrue(generated.getClass().isHidden(), "one class, as before");
        equalTheInterpreter(generated, new EjmlTrainer(d, Precision.F64), 8, 97);
    }

    @Test
    void aLayer4096WideCompilesAndTrains() throws Exception {
        Trainer t = BytecodeCompiler.trainer(Autodiff.derive(deep(2, 4096)), Precision.F32, false);
        float[][] feeds = {new float[4096 * 2], new float[4096 * 2]};
        java.util.Arrays.fill(feeds[0], 0.5f);
        t.parameter("b2").f32()[0] = 1;
        double before = t.step(feeds, 2, new Sgd(0.1));
        double after = t.loss(feeds, 2);
        assertTrue(after < before, before + " → " + after);
    }
}
