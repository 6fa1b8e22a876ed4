package deltac.bench;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Compile latency in a warm JVM: a spec's text to a loaded, verified float32 trainer (parse, shape-check, derive,
 * simplify, lower, emit, verify with ASM's CheckClassAdapter, define the hidden class, construct it). The target
 * is under 200 ms. Average time per compile, in milliseconds.
 *
 * <pre>
 * java -cp "tests/target/test-classes:$(cat tests/target/bench-classpath.txt)" org.openjdk.jmh.Main deltac.bench.CompileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CompileBenchmark {
    @Param({"examples/xor.java", "examples/mnist_mlp.java", "examples/mnist_deep.java", "bench/specs/wide_mlp.java"})
    public String spec;

    private String text;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        text = Files.readString(Path.of(spec));
    }

    @Benchmark
    public Trainer compile() throws Exception {
        return Compiler.trainer(Spec.read(text, spec).orThrow(), Precision.F32, Engine.BYTECODE);
    }
}
