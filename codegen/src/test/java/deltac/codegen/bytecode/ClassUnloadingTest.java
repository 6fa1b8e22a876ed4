package deltac.codegen.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Generated trainers are hidden classes: a thousand compiles in one JVM leave nothing behind once the trainers
 * are dropped; and compiling from several threads at once is safe.
 */
class ClassUnloadingTest {
    private static final int COMPILES = 1_000;

    private static long metaspaceUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void collect() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    @Test
    void aThousandCompiledTrainersAreUnloadedOnceDropped() throws Exception {
        Derivation d = Autodiff.derive(Spec.parse(Path.of("../examples/xor.java")));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        BytecodeCompiler.trainer(d, Precision.F32, false); // warm up: the compiler's own classes load once
        collect();
        long unloadedBefore = classes.getUnloadedClassCount();
        long metaspaceBefore = metaspaceUsed();
        List<Trainer> alive = new ArrayList<>();
        for (int i = 0; i < COMPILES; i++) {
            Trainer t = BytecodeCompiler.trainer(d, Precision.F32, false);
            t.computeGradients(new float[][] {{0, 1}, {1}}, 1);
            alive.add(t);
        }
        long metaspaceLoaded = metaspaceUsed();
        assertTrue(metaspaceLoaded > metaspaceBefore, "the trainers took metaspace while alive");
        alive.clear();
        collect();
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        long metaspaceAfter = metaspaceUsed();
        System.out.printf("%d compiles: metaspace %,d → %,d → %,d bytes; %d classes unloaded%n",
                COMPILES, metaspaceBefore, metaspaceLoaded, metaspaceAfter, unloaded);
        assertTrue(unloaded >= COMPILES * 9 / 10, "hidden classes unloaded: " + unloaded + " of " + COMPILES);
        long grew = metaspaceLoaded - metaspaceBefore;
        assertTrue(metaspaceAfter - metaspaceBefore < grew / 4,
                "metaspace returned: before " + metaspaceBefore + ", loaded " + metaspaceLoaded + ", after " + metaspaceAfter);
    }

    @Test
    void compilingFromSeveralThreadsAtOnceIsSafe() throws Exception {
        List<String> specs = List.of("xor.java", "iris_mlp.java", "logistic_regression.java", "mnist_mlp.java");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> losses = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String spec : specs) {
                    losses.add(pool.submit(() -> {
                        Derivation d = Autodiff.derive(Spec.parse(Path.of("../examples", spec)));
                        Trainer t = BytecodeCompiler.trainer(d, Precision.F64, false);
                        double[][] feeds = new double[t.feeds().size()][];
                        for (int k = 0; k < feeds.length; k++) {
                            feeds[k] = new double[t.feeds().get(k).rows()];
                        }
                        return t.computeGradients(feeds, 1);
                    }));
                }
            }
            for (int i = 0; i < losses.size(); i++) {
                double expected = losses.get(i % specs.size()).get();
                assertEquals(expected, losses.get(i).get(), 0, "same spec, same zero weights, same loss");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
