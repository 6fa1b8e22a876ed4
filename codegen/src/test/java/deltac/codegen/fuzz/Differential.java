package deltac.codegen.fuzz;

import deltac.autodiff.Autodiff;
import deltac.autodiff.Derivation;
import deltac.codegen.bytecode.BytecodeCompiler;
import deltac.codegen.ejml.EjmlTrainer;
import deltac.graph.Apply;
import deltac.graph.Node;
import deltac.graph.Op;
import deltac.graph.interp.Interpreter;
import deltac.graph.interp.Values;
import deltac.runtime.Feed;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs one {@link FuzzNetwork} through every engine and says where they disagree.
 *
 * <p>The reference is the EJML interpreter in float64. Against it: the generated trainer in float64 and float32,
 * each with and without every op forced through the EJML fallback, at batch sizes {@link #BATCHES}; the loss
 * ({@code computeGradients} and {@code loss}), every gradient and the prediction must agree to {@link #F64}
 * (float64) or {@link #F32} (float32) relative to each value's largest entry, or to a floor when that is
 * small ({@link #F64_FLOOR}). The interpreter's own gradients
 * must agree with central differences of its loss in float64 on a few entries ({@link #DIFFERENCES}).
 *
 * <p>A float32 comparison is left out (and counted) at a batch where a kinked op (relu, leakyRelu, abs) sees an
 * argument within {@link #KINK} of 0: there float32 rounding may pick the other side of the kink, which is not a
 * disagreement of the engines. A finite difference is left out the same way within 1e-3.
 */
final class Differential {
    private Differential() {}

    static final int[] BATCHES = {1, 7, 130};
    static final double F64 = 1e-9;
    static final double F32 = 1e-3;
    /**
     * The least "largest entry" a comparison is relative to, as a fraction of the network's scale (the largest of
     * 1, |C| and every gradient's entries): a gradient whose entries are all near 1e-9 (a saturated softmax), or
     * one that is 0 by structure, is the difference of terms of that scale, which float32 rounds to 1e-7 of it.
     */
    static final double F64_FLOOR = 1e-4;
    static final double F32_FLOOR = 1e-2;
    static final double KINK = 1e-2;
    static final int DIFFERENCES = 3;
    static final double STEP = 1e-5;
    static final double DIFFERENCE_TOLERANCE = 1e-5;
    /**
     * A central difference of a loss near C carries a rounding error near 1e-16 |C| / STEP = 1e-11 |C|: the
     * least magnitude a difference is relative to, as a fraction of max(1, |C|).
     */
    static final double DIFFERENCE_FLOOR = 1e-5;

    /** Counts over a campaign. */
    static final class Counts {
        int comparisons;
        int kinkSkips;
        int differences;
    }

    /** Every disagreement, crash or internal error of one network; empty when all agree. */
    static List<String> check(FuzzNetwork net, Counts counts) {
        List<String> findings = new ArrayList<>();
        Derivation d;
        EjmlTrainer reference;
        try {
            d = Autodiff.derive(net.graph());
            reference = new EjmlTrainer(d, Precision.F64);
        } catch (RuntimeException | Error e) {
            findings.add("derive or interpreter: " + trace(e));
            return findings;
        }
        load(reference, net.data());
        for (Precision precision : new Precision[] {Precision.F64, Precision.F32}) {
            for (boolean fallback : new boolean[] {false, true}) {
                String config = precision + (fallback ? " fallback" : "");
                Trainer generated;
                try {
                    generated = BytecodeCompiler.trainer(d, precision, fallback);
                } catch (RuntimeException | Error e) {
                    findings.add(config + ": compiling crashed: " + trace(e));
                    continue;
                }
                load(generated, net.data());
                for (int n : BATCHES) {
                    if (precision == Precision.F32 && nearKink(net, d, n, KINK)) {
                        counts.kinkSkips++;
                        continue;
                    }
                    try {
                        compare(net, reference, generated, n, precision, config, findings);
                        counts.comparisons++;
                    } catch (RuntimeException | Error e) {
                        findings.add(config + " at n=" + n + ": crashed: " + trace(e));
                    }
                    if (findings.size() > 3) {
                        return findings;
                    }
                }
            }
        }
        if (!nearKink(net, d, 7, 1e-3)) {
            differences(net, reference, 7, findings, counts);
        }
        return findings;
    }

    static void compare(FuzzNetwork net, Trainer reference, Trainer generated, int n, Precision precision,
                        String config, List<String> findings) {
        double tolerance = precision == Precision.F64 ? F64 : F32;
        double[][] feeds = feeds(net, generated, n);
        double want = reference.computeGradients(feeds, n);
        double floor = (precision == Precision.F64 ? F64_FLOOR : F32_FLOOR) * scale(want, reference);
        double got = generated.computeGradients(feeds, n);
        String at = config + " at n=" + n + ": ";
        close(at + "loss", new double[] {want}, new double[] {got}, tolerance, floor, findings);
        close(at + "loss()", new double[] {want}, new double[] {generated.loss(feeds, n)}, tolerance, floor, findings);
        for (int i = 0; i < reference.gradients().size(); i++) {
            Tensor r = reference.gradients().get(i);
            close(at + "∂C/∂" + r.name(), r.asF64(), generated.gradients().get(i).asF64(), tolerance, floor, findings);
        }
        if (generated.outputRows() > 0) {
            double[][] inputs = Arrays.copyOf(feeds, generated.inputs().size());
            double[] wantOut = new double[generated.outputRows() * n];
            double[] gotOut = new double[generated.outputRows() * n];
            reference.predict(inputs, n, wantOut);
            generated.predict(inputs, n, gotOut);
            close(at + "prediction", wantOut, gotOut, tolerance, floor, findings);
        }
    }

    /** The largest of 1, |loss| and every entry of every gradient. */
    static double scale(double loss, Trainer trainer) {
        double scale = Math.max(1, Math.abs(loss));
        for (Tensor g : trainer.gradients()) {
            for (double v : g.asF64()) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        return scale;
    }

    /** Central differences of the interpreter's loss, in float64, against its gradients on a few entries. */
    static void differences(FuzzNetwork net, EjmlTrainer reference, int n, List<String> findings, Counts counts) {
        double[][] feeds = feeds(net, reference, n);
        double loss = reference.computeGradients(feeds, n);
        Random rng = new Random(net.seed());
        List<Tensor> params = reference.parameters();
        for (int t = 0; t < DIFFERENCES && !params.isEmpty(); t++) {
            int i = rng.nextInt(params.size());
            double[] p = params.get(i).f64();
            double[] gradient = reference.gradients().get(i).asF64().clone();
            double scale = 0;
            for (double g : gradient) {
                scale = Math.max(scale, Math.abs(g));
            }
            int k = rng.nextInt(p.length);
            double saved = p[k];
            p[k] = saved + STEP;
            double up = reference.loss(feeds, n);
            p[k] = saved - STEP;
            double down = reference.loss(feeds, n);
            p[k] = saved;
            double numeric = (up - down) / (2 * STEP);
            double error = Math.abs(numeric - gradient[k]) / Math.max(Math.max(Math.abs(numeric), Math.abs(gradient[k])),
                    Math.max(1e-3 * scale, DIFFERENCE_FLOOR * Math.max(1, Math.abs(loss))));
            counts.differences++;
            if (!(error <= DIFFERENCE_TOLERANCE)) {
                findings.add("interpreter at n=" + n + ": ∂C/∂" + params.get(i).name() + "[" + k + "] is "
                        + gradient[k] + " but central differences give " + numeric + " (relative " + error + ")");
            }
        }
    }

    /** Whether a relu, leakyRelu or abs sees an argument within {@code margin} of 0 at this batch. */
    static boolean nearKink(FuzzNetwork net, Derivation d, int n, double margin) {
        List<Node> kinked = new ArrayList<>();
        for (Node node : d.graph().topologicalOrder()) {
            if (node instanceof Apply a && (a.op() == Op.RELU || a.op() == Op.LEAKY_RELU || a.op() == Op.ABS)) {
                kinked.add(a.arg(0));
            }
        }
        if (kinked.isEmpty()) {
            return false;
        }
        Values values = Interpreter.evaluate(kinked, bindings(net, n));
        for (Node node : kinked) {
            for (double v : values.get(node).data) {
                if (Math.abs(v) < margin) {
                    return true;
                }
            }
        }
        return false;
    }

    static Map<String, DMatrixRMaj> bindings(FuzzNetwork net, int n) {
        Map<String, DMatrixRMaj> bindings = new java.util.HashMap<>();
        net.data().forEach((name, m) -> {
            boolean feed = net.graph().inputs().stream().anyMatch(x -> x.name().equals(name));
            bindings.put(name, feed ? columns(m, n) : m);
        });
        return bindings;
    }

    static DMatrixRMaj columns(DMatrixRMaj m, int n) {
        DMatrixRMaj c = new DMatrixRMaj(m.numRows, n);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < n; j++) {
                c.set(i, j, m.get(i, j));
            }
        }
        return c;
    }

    static double[][] feeds(FuzzNetwork net, Trainer trainer, int n) {
        List<Feed> feeds = trainer.feeds();
        double[][] arrays = new double[feeds.size()][];
        for (int f = 0; f < arrays.length; f++) {
            arrays[f] = columns(net.data().get(feeds.get(f).name()), n).data;
        }
        return arrays;
    }

    static void load(Trainer trainer, Map<String, DMatrixRMaj> data) {
        for (Tensor t : trainer.parameters()) {
            double[] v = data.get(t.name()).data;
            for (int k = 0; k < v.length; k++) {
                if (t.f64() != null) {
                    t.f64()[k] = v[k];
                } else {
                    t.f32()[k] = (float) v[k];
                }
            }
        }
    }

    static void close(String what, double[] want, double[] got, double tolerance, double floor,
                      List<String> findings) {
        double scale = floor;
        for (double v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (got.length < want.length) {
            findings.add(what + ": " + got.length + " entries, the interpreter has " + want.length);
            return;
        }
        for (int k = 0; k < want.length; k++) {
            if (!(Math.abs(want[k] - got[k]) <= tolerance * scale)) {
                findings.add(what + "[" + k + "]: interpreter " + want[k] + ", generated " + got[k] + " (scale " + scale + ")");
                return;
            }
        }
    }

    static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString().lines().limit(14).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
