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

/** Networks of any depth and width compile: every method under HotSpot's 8,000-byte limit, and they compute right. */
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

    @Test
    void aThousandLayersCompileAndEqualTheInterpreter() throws Exception {
        Derivation d = Autodiff.derive(deep(1000, 8));
        Trainer generated = BytecodeCompiler.trainer(d, Precision.F64, false);
        EjmlTrainer reference = new EjmlTrainer(d, Precision.F64);
        Random rng = new Random(5);
        for (int i = 0; i < generated.parameters().size(); i++) {
            double[] g = generated.parameters().get(i).f64();
            double[] r = reference.parameters().get(i).f64();
            for (int k = 0; k < g.length; k++) {
                g[k] = r[k] = rng.nextGaussian() * 0.4;
            }
        }
        for (int n : new int[] {1, 3}) {
            double[][] feeds = {new double[8 * n], new double[8 * n]};
            for (double[] f : feeds) {
                for (int k = 0; k < f.length; k++) {
                    f[k] = rng.nextDouble();
                }
            }
            double want = reference.computeGradients(feeds, n);
            assertEquals(want, generated.computeGradients(feeds, n), 1e-10 * Math.max(1, Math.abs(want)));
            for (int i = 0; i < generated.gradients().size(); i += 97) {
                Tensor r = reference.gradients().get(i);
                GeneratedVersusInterpreterTest.assertClose(r.f64(), generated.gradients().get(i).f64(), 1e-10,
                        "∂C/∂" + r.name() + " at n=" + n);
            }
        }
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

    /** Past what one class file holds, the bytecode engine says so in words the user can act on. */
    @Test
    void aNetworkTooLargeForOneClassFileIsRefusedInWords() throws Exception {
        Derivation d = Autodiff.derive(deep(2000, 2));
        deltac.codegen.ClassTooLargeException e = org.junit.jupiter.api.Assertions.assertThrows(
                deltac.codegen.ClassTooLargeException.class, () -> BytecodeCompiler.trainer(d, Precision.F32, false));
        assertTrue(e.getMessage().startsWith("DeepTrainer: the generated class would be larger than a class file"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("train it with --engine ejml"), e.getMessage());
    }
}
