package deltac.bench;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.train.Sgd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes what every contestant shares ({@link BenchData#write}) for the workloads named (all by default) into
 * {@code --data DIR}, with each one's reference loss: the loss check run in float64 by deltac's oracle, the EJML
 * engine at {@link Precision#F64}, from the same float32 initial weights and the same order.
 * {@code java -cp ... deltac.bench.Prepare --data bench/out/data [W1 W2 W3]}
 */
public final class Prepare {
    private Prepare() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("bench/out/data");
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data")) {
                dir = Path.of(args[++i]);
            } else {
                workloads.add(Workload.of(args[i]));
            }
        }
        if (workloads.isEmpty()) {
            workloads.addAll(List.of(Workload.values()));
        }
        for (Workload w : workloads) {
            long t0 = System.nanoTime();
            BenchData data = BenchData.generate(w);
            double reference = referenceLoss(data);
            data.write(dir, reference);
            System.out.printf(Locale.ROOT, "%s %s: %d samples, %d steps of %d in the check, reference loss %.7f (float64), %.1f s%n",
                    w.name(), w.label, data.set.size(), w.checkSteps, w.batch, reference, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The loss check in float64 on deltac's oracle. */
    static double referenceLoss(BenchData data) throws Exception {
        Workload w = data.workload;
        Trainer t = Compiler.trainer(Spec.parse(w.specPath()), Precision.F64, Engine.EJML);
        for (Tensor p : t.parameters()) {
            float[] v = data.init.get(p.name());
            for (int i = 0; i < v.length; i++) {
                p.f64()[i] = v[i];
            }
        }
        Sgd sgd = new Sgd(w.learningRate);
        float[] x = new float[w.inputs() * w.batch];
        float[] y = new float[w.classes() * w.batch];
        for (int s = 0; s < w.checkSteps; s++) {
            data.columns(s, x, y);
            t.step(new float[][] {x, y}, w.batch, sgd);
        }
        float[] ex = new float[w.inputs() * w.evalCount];
        float[] ey = new float[w.classes() * w.evalCount];
        data.evalColumns(ex, ey);
        return t.loss(new float[][] {ex, ey}, w.evalCount);
    }
}
