package deltac.cli;

import deltac.codegen.Engine;
import deltac.graph.Graph;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.kernels.Gemm;
import deltac.runtime.train.Sgd;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deltac bench SPEC}: training steps per second of the generated kernels against the EJML interpreter. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps (forward, backward, SGD update) of the spec's generated trainer against the "
                + "EJML engine, side by side in this JVM: samples/s, the median of several runs, and the ratio. "
                + "For the comparison with PyTorch and other peers, see bench/run.sh.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the network spec")
    Path spec;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "samples per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "timed runs per engine; the median is reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1", description = "length of each run (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--verbose", description = "show a stack trace on failure")
    boolean verbose;

    @Override
    public Integer call() {
        if (batch < 1 || batch > 100_000 || runs < 1 || runs > 1000 || !(seconds > 0 && seconds <= 600)) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--batch must be in 1..100000, --runs in 1..1000, --seconds in (0, 600]");
        }
        Graph graph = SpecFiles.read(spec, command.commandLine().getErr());
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, batch %d, float32, Java %s, products on %s; median of %d runs of %.1f s%n",
                graph.name(), batch, Runtime.version().feature(), Gemm.simd() ? "the Vector API" : "scalar loops (no jdk.incubator.vector)",
                runs, seconds);
        double generated = 0;
        for (Engine engine : new Engine[] {Engine.BYTECODE, Engine.EJML}) {
            EngineOptions options = new EngineOptions();
            options.engine = engine;
            options.precision = Precision.F32;
            double samples = median(options.trainer(graph, 42));
            if (engine == Engine.BYTECODE) {
                generated = samples;
            }
            out.printf(Locale.ROOT, "  %-9s %,12.0f samples/s   %6.2f× the generated code%n",
                    engine.name().toLowerCase(Locale.ROOT), samples, samples / generated);
            out.flush();
        }
        return 0;
    }

    /** The median samples/s of timed runs of SGD steps on a random batch, after a warm-up run. */
    private double median(Trainer trainer) {
        SplittableRandom rng = new SplittableRandom(7);
        // random inputs in [0, 1); a target gets a one-hot column per sample (what a classifier's loss reads)
        float[][] feeds = new float[trainer.feeds().size()][];
        for (int k = 0; k < feeds.length; k++) {
            int rows = trainer.feeds().get(k).rows();
            feeds[k] = new float[rows * batch];
            if (k < trainer.inputs().size()) {
                for (int i = 0; i < feeds[k].length; i++) {
                    feeds[k][i] = (float) rng.nextDouble();
                }
            } else {
                for (int j = 0; j < batch; j++) {
                    feeds[k][rng.nextInt(rows) * batch + j] = 1;
                }
            }
        }
        Sgd sgd = new Sgd(1e-3);
        double[] rates = new double[runs + 1];
        for (int r = 0; r <= runs; r++) {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            long steps = 0;
            do {
                trainer.step(feeds, batch, sgd);
                steps++;
            } while (System.nanoTime() < deadline);
            rates[r] = steps * batch / ((System.nanoTime() - start) / 1e9);
        }
        double[] timed = Arrays.copyOfRange(rates, 1, rates.length); // the first run warms the JIT up
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
