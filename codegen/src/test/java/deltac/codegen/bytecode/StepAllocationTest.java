package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.train.Sgd;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated trainer's step allocates nothing once its buffers exist: at a batch of 64 (products split between
 * threads, packed strips in place) and at a batch of one (the batch-of-one twins), in both precisions.
 */
class StepAllocationTest {
    /** Slack for the measurement itself; an allocation per step would be at least 16 bytes × 200 steps. */
    private static final long TINY = 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void trainingStepsDoNotAllocate() throws Exception {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        for (Precision precision : Precision.values()) {
            Trainer t = Compiler.trainer(Spec.parse(Path.of("../examples/mnist_mlp.java")), precision, Engine.BYTECODE);
            for (int batch : new int[] {64, 1}) {
                long bytes = allocatedOverSteps(t, batch);
                assertTrue(bytes < TINY, precision + " at batch " + batch + ": " + bytes + " bytes in 200 steps");
            }
        }
    }

    private static long allocatedOverSteps(Trainer t, int batch) {
        Random rng = new Random(5);
        double[] x = new double[784 * batch];
        double[] y = new double[10 * batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        for (int j = 0; j < batch; j++) {
            y[rng.nextInt(10) * batch + j] = 1;
        }
        float[] xf = new float[x.length];
        float[] yf = new float[y.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        for (int i = 0; i < y.length; i++) {
            yf[i] = (float) y[i];
        }
        Sgd sgd = new Sgd(0.01);
        boolean f32 = t.precision() == Precision.F32;
        // warm-up until C2 has compiled the paths (the Vector API allocates its vectors until then)
        for (int i = 0, warm = batch == 1 ? 4_000 : 400; i < warm; i++) {
            step(t, f32, new float[][] {xf, yf}, new double[][] {x, y}, batch, sgd); // warm-up: allocation is not measured
        }
        // the best of three windows: a recompilation may allocate once, an allocation per step shows in each
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            float[][] feedsF = {xf, yf};
            double[][] feedsD = {x, y};
            for (int i = 0; i < 200; i++) {
                step(t, f32, feedsF, feedsD, batch, sgd);
            }
            least = Math.min(least, THREADS.getThreadAllocatedBytes(id) - before);
        }
        return least;
    }

    private static void step(Trainer t, boolean f32, float[][] feedsF, double[][] feedsD, int batch, Sgd sgd) {
        if (f32) {
            t.step(feedsF, batch, sgd);
        } else {
            t.step(feedsD, batch, sgd);
        }
    }
}
