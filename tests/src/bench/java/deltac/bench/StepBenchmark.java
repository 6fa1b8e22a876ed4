package deltac.bench;

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

import java.util.concurrent.TimeUnit;

/**
 * One SGD step of W1, W2 and W3 (see {@link Workload}): deltac's generated float32 trainer, deltac's EJML engine,
 * the hand-written EJML backprop and the plain hand-written loops, on the same data, order and initial weights.
 * The score is steps per second; multiply by the batch (1, 64, 256) for samples per second.
 *
 * <pre>
 * mvn -o -q -Pbench -DskipTests package -pl tests -am
 * java --add-modules jdk.incubator.vector -cp "tests/target/test-classes:$(cat tests/target/bench-classpath.txt)" \
 *      org.openjdk.jmh.Main 'deltac.bench.StepBenchmark' -p workload=W2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepBenchmark {
    @Param({"W1", "W2", "W3"})
    public String workload;

    @Param({"deltac", "deltac-ejml", "hand-ejml", "hand-loops"})
    public String contestant;

    private Contestant c;
    private int step;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchData data = BenchData.generate(Workload.of(workload));
        c = Contestant.of(contestant);
        c.prepare(data);
    }

    @Benchmark
    public double step() {
        return c.step(step++);
    }
}
