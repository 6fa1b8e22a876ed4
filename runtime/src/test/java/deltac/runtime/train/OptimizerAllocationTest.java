package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deltac.runtime.Optimizer;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** An optimizer step allocates nothing once its state exists: measured over 1,000 steps after a warm-up. */
class OptimizerAllocationTest {

    /** Slack for the measurement itself (the MXBean call may allocate a little); a per-step leak would be ≥ 16 kB. */
    private static final long TINY = 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void stepsDoNotAllocate() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        List<Supplier<Optimizer>> optimizers = List.of(
                () -> new Sgd(0.01, 1e-4, Schedule.cosine(5_000, 1e-4)),
                () -> new Momentum(0.01, 0.9, true, 1e-4, Schedule.step(100, 0.9)),
                () -> new Adam(1e-3),
                () -> Adam.adamW(1e-3, 1e-2));
        for (Supplier<Optimizer> make : optimizers) {
            for (Precision precision : Precision.values()) {
                long bytes = allocatedOverSteps(make.get(), precision);
                assertTrue(bytes < TINY, make.get() + " in " + precision + " allocated " + bytes + " bytes in 1,000 steps");
            }
        }
    }

    private static long allocatedOverSteps(Optimizer optimizer, Precision precision) {
        List<Tensor> params = List.of(tensor("W", 64, 32, precision), tensor("b", 64, 1, precision));
        List<Tensor> grads = List.of(tensor("W", 64, 32, precision), tensor("b", 64, 1, precision));
        for (int i = 0; i < 20_000; i++) { // warm-up: state allocated, loops compiled
            optimizer.update(params, grads);
        }
        // The best of three windows: a deoptimization or recompilation may allocate once on this thread, but an
        // allocation per step shows in every window (16 bytes a step is 16,000 a window).
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            for (int i = 0; i < 1_000; i++) {
                optimizer.update(params, grads);
            }
            least = Math.min(least, THREADS.getThreadAllocatedBytes(id) - before);
        }
        return least;
    }

    private static Tensor tensor(String name, int rows, int cols, Precision precision) {
        int size = rows * cols;
        if (precision == Precision.F32) {
            float[] v = new float[size];
            java.util.Arrays.fill(v, 0.01f);
            return Tensor.of(name, rows, cols, v);
        }
        double[] v = new double[size];
        java.util.Arrays.fill(v, 0.01);
        return Tensor.of(name, rows, cols, v);
    }
}
