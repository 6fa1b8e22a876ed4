package deltac.bench;

import deltac.autodiff.print.Equations;
import deltac.autodiff.print.Format;
import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code deltac derive} and {@code deltac compile} cost as a network deepens, in a warm JVM: L tanh layers
 * 16 wide with named pre-activations ({@code Matrix zL = WL * aL-1 + bL; Matrix aL = tanh(zL);}), from the spec's
 * text (past about 1,200 such layers the trainer is spread over several classes, so 2,000 and 4,000 time that path).
 * The cost must be linear in L: bench/depth.sh runs this and fails when a doubling of the depth more than doubles the
 * time, and compares each time with the saved baseline (bench/depth-baseline.json).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class DepthBenchmark {
    @Param({"1000", "2000", "4000"})
    public int layers;

    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        text = spec(layers, 16);
    }

    /** Parse, derive, simplify and print the per-sample equations, as {@code deltac derive} does. */
    @Benchmark
    public String derive() throws Exception {
        return Equations.perSample(Spec.read(text, "deep.java").orThrow()).print(Format.TEXT);
    }

    /** Parse, derive, lower, emit, verify and load a float32 trainer, as {@code deltac compile} does. */
    @Benchmark
    public Trainer compile() throws Exception {
        return Compiler.trainer(Spec.read(text, "deep.java").orThrow(), Precision.F32, Engine.BYTECODE);
    }

    static String spec(int layers, int width) {
        StringBuilder s = new StringBuilder("class Deep {\n  Matrix x = input(" + width + ");\n  Matrix y = target(" + width + ");\n");
        for (int l = 1; l <= layers; l++) {
            s.append("  Matrix W").append(l).append(" = param(").append(width).append(", ").append(width).append(");\n");
            s.append("  Matrix b").append(l).append(" = param(").append(width).append(");\n");
        }
        s.append("  Matrix loss() {\n    Matrix a0 = x;\n");
        for (int l = 1; l <= layers; l++) {
            s.append("    Matrix z").append(l).append(" = W").append(l).append(" * a").append(l - 1).append(" + b").append(l).append(";\n");
            s.append("    Matrix a").append(l).append(" = tanh(z").append(l).append(");\n");
        }
        return s.append("    return mse(a").append(layers).append(", y);\n  }\n}\n").toString();
    }
}
