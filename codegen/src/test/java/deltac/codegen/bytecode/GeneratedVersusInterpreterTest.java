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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated trainers agree with the reference interpreter on every example: loss, every gradient and the
 * prediction, in float64 to 1e-10 and in float32 to 1e-4 (relative to each value's largest entry), at batch
 * sizes 1, 7 and 32; and the same, in both precisions, with every op forced through the EJML fallback.
 */
class GeneratedVersusInterpreterTest {
    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            List<Path> specs = files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("by_hand"))
                    .sorted().toList();
            return specs.stream().flatMap(spec -> Stream.of(
                    Arguments.of(spec.getFileName().toString(), Precision.F64, false),
                    Arguments.of(spec.getFileName().toString(), Precision.F32, false),
                    Arguments.of(spec.getFileName().toString(), Precision.F64, true),
                    Arguments.of(spec.getFileName().toString(), Precision.F32, true)));
        }
    }

    @ParameterizedTest(name = "{0} {1} fallback={2}")
    @MethodSource("cases")
    void generatedCodeEqualsTheInterpreter(String spec, Precision precision, boolean fallback) throws Exception {
        Graph graph = Spec.parse(Path.of("../examples", spec));
        Derivation d = Autodiff.derive(graph);
        Trainer generated = BytecodeCompiler.trainer(d, precision, fallback);
        EjmlTrainer reference = new EjmlTrainer(d, Precision.F64);
        double tolerance = precision == Precision.F64 ? 1e-10 : 1e-4;
        Random rng = new Random(spec.hashCode());
        for (int i = 0; i < generated.parameters().size(); i++) {
            Tensor g = generated.parameters().get(i);
            Tensor r = reference.parameters().get(i);
            for (int k = 0; k < r.size(); k++) {
                double v = rng.nextGaussian() * 0.3;
                r.f64()[k] = precision == Precision.F64 ? v : (float) v;
                if (g.f64() != null) {
                    g.f64()[k] = v;
                } else {
                    g.f32()[k] = (float) v;
                }
            }
        }
        for (int n : new int[] {1, 7, 32}) {
            double[][] feeds = new double[generated.feeds().size()][];
            for (int f = 0; f < feeds.length; f++) {
                int rows = generated.feeds().get(f).rows();
                feeds[f] = new double[rows * n];
                if (f < generated.inputs().size()) {
                    for (int k = 0; k < feeds[f].length; k++) {
                        feeds[f][k] = precision == Precision.F64 ? rng.nextDouble() : (float) rng.nextDouble();
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        feeds[f][rng.nextInt(rows) * n + j] = 1; // one-hot columns, as targets are
                    }
                }
            }
            double[][] inputs = java.util.Arrays.copyOf(feeds, generated.inputs().size());
            double want = reference.computeGradients(feeds, n);
            double got = generated.computeGradients(feeds, n);
            assertEquals(want, got, tolerance * Math.max(1, Math.abs(want)), spec + " loss at n=" + n);
            assertEquals(want, generated.loss(feeds, n), tolerance * Math.max(1, Math.abs(want)), spec + " loss() at n=" + n);
            for (int i = 0; i < reference.gradients().size(); i++) {
                Tensor r = reference.gradients().get(i);
                assertClose(r.f64(), generated.gradients().get(i).asF64(), tolerance, spec + " ∂C/∂" + r.name() + " at n=" + n);
            }
            double[] wantOut = new double[generated.outputRows() * n];
            double[] gotOut = new double[generated.outputRows() * n];
            if (generated.outputRows() > 0) {
                reference.predict(inputs, n, wantOut);
                generated.predict(inputs, n, gotOut);
            }
            assertClose(wantOut, gotOut, tolerance, spec + " prediction at n=" + n);
        }
    }

    static void assertClose(double[] want, double[] got, double tolerance, String what) {
        double scale = 0;
        for (double v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < want.length; k++) {
            if (Math.abs(want[k] - got[k]) > tolerance * Math.max(scale, 1e-12)) {
                throw new AssertionError(what + "[" + k + "]: interpreter " + want[k] + ", generated " + got[k]
                        + " (scale " + scale + ")");
            }
        }
        assertTrue(want.length == 0 || got.length >= want.length);
    }
}
