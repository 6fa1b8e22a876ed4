package deltac.bench;

import deltac.codegen.Compiler;
import deltac.codegen.Engine;
import deltac.graph.Graph;
import deltac.graph.spec.Spec;
import deltac.runtime.Precision;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import deltac.runtime.data.Dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every contestant of a workload shares: the samples, the order they are used in, and the initial weights.
 *
 * <p>{@link #generate} makes them in Java, deterministically: the weights from the spec's own initializers under
 * {@link Workload#INIT_SEED} (as {@code deltac train --seed 42} draws them), the order a Fisher-Yates permutation
 * under {@link Workload#ORDER_SEED}. {@link #write} stores them as raw little-endian files and a safetensors file,
 * which bench/run.sh's Java contestants ({@link #read}), PyTorch and DL4J all load.
 *
 * <p>Step {@code s} (counted from the initial weights) trains on samples {@code order[b·B .. (b+1)·B)} with
 * {@code b = s mod stepsPerEpoch}; the loss check then evaluates the first {@link Workload#evalCount} samples.
 */
public final class BenchData {
    public final Workload workload;
    public final Dataset set;
    public final int[] order;
    /** W1, b1, W2, b2, ...: row-major, W is out × in, b is out × 1. */
    public final Map<String, float[]> init;

    private BenchData(Workload workload, Dataset set, int[] order, Map<String, float[]> init) {
        this.workload = workload;
        this.set = set;
        this.order = order;
        this.init = init;
        int[] sizes = workload.sizes();
        for (int l = 1; l < sizes.length; l++) {
            check(init, "W" + l, sizes[l] * sizes[l - 1]);
            check(init, "b" + l, sizes[l]);
        }
        if (set.featureCount() != workload.inputs() || set.classes() != workload.classes()) {
            throw new IllegalStateException(set + " does not fit " + workload);
        }
    }

    private static void check(Map<String, float[]> init, String name, int size) {
        float[] v = init.get(name);
        if (v == null || v.length != size) {
            throw new IllegalStateException("initial weights: " + name + " missing or not of " + size + " values");
        }
    }

    public static BenchData generate(Workload w) throws Exception {
        Dataset set = w.data();
        int[] order = permutation(set.size(), Workload.ORDER_SEED);
        Graph graph = Spec.parse(w.specPath());
        Trainer t = Compiler.trainer(graph, Precision.F32, Engine.EJML);
        Compiler.initialize(t, graph, Workload.INIT_SEED);
        Map<String, float[]> init = new LinkedHashMap<>();
        for (Tensor p : t.parameters()) {
            init.put(p.name(), p.f32().clone());
        }
        return new BenchData(w, set, order, init);
    }

    static int[] permutation(int size, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public int stepsPerEpoch() {
        return set.size() / workload.batch;
    }

    /** The first position in {@link #order} of step {@code s}'s batch. */
    public int batchStart(int step) {
        return (step % stepsPerEpoch()) * workload.batch;
    }

    /** Step {@code s}'s batch in deltac's layout: x is features × B, y one-hot classes × B, a column per sample. */
    public void columns(int step, float[] x, float[] y) {
        set.copyBatch(order, batchStart(step), workload.batch, x, y);
    }

    /** Step {@code s}'s batch a row per sample (PyTorch's and DL4J's layout): x is B × features, y B × classes. */
    public void rows(int step, float[] x, float[] y) {
        rows(order, batchStart(step), workload.batch, x, y);
    }

    /** The evaluation samples in deltac's layout. */
    public void evalColumns(float[] x, float[] y) {
        set.copyBatch(identity(workload.evalCount), 0, workload.evalCount, x, y);
    }

    /** The evaluation samples a row per sample. */
    public void evalRows(float[] x, float[] y) {
        rows(identity(workload.evalCount), 0, workload.evalCount, x, y);
    }

    private void rows(int[] indices, int start, int count, float[] x, float[] y) {
        int f = set.featureCount();
        int c = set.classes();
        java.util.Arrays.fill(y, 0, count * c, 0f);
        for (int j = 0; j < count; j++) {
            int s = indices[start + j];
            System.arraycopy(set.features(), s * f, x, j * f, f);
            y[j * c + set.labels()[s]] = 1f;
        }
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    // ---- files: <dir>/<data>.x.f32, <data>.y.i32, <W>.order.i32, <W>.init.safetensors, <W>.json ----

    public void write(Path dir, double referenceLoss) throws Exception {
        Files.createDirectories(dir);
        Path x = dir.resolve(workload.dataset + ".x.f32");
        Path y = dir.resolve(workload.dataset + ".y.i32");
        writeFloats(x, set.features());
        writeInts(y, set.labels());
        writeInts(dir.resolve(workload.name() + ".order.i32"), order);
        List<Tensor> tensors = new ArrayList<>();
        int[] sizes = workload.sizes();
        for (int l = 1; l < sizes.length; l++) {
            tensors.add(Tensor.of("W" + l, sizes[l], sizes[l - 1], init.get("W" + l)));
            tensors.add(Tensor.of("b" + l, sizes[l], 1, init.get("b" + l)));
        }
        Safetensors.write(dir.resolve(workload.name() + ".init.safetensors"), tensors,
                Map.of("deltac.bench.seed", Long.toString(Workload.INIT_SEED), "deltac.bench.spec", workload.spec));
        StringBuilder sizesJson = new StringBuilder();
        for (int s : sizes) {
            sizesJson.append(sizesJson.length() == 0 ? "" : ", ").append(s);
        }
        String json = String.format(Locale.ROOT, """
                {
                  "workload": "%s", "label": "%s", "spec": "%s", "dataset": "%s",
                  "sizes": [%s], "activation": "%s", "batch": %d, "lr": %s,
                  "samples": %d, "steps_per_epoch": %d, "check_steps": %d, "eval_count": %d,
                  "features": "%s", "labels": "%s", "order": "%s", "init": "%s",
                  "reference_loss": %s, "times_inference": %s
                }
                """, workload.name(), workload.label, workload.spec, workload.dataset, sizesJson,
                workload.activation.name().toLowerCase(Locale.ROOT), workload.batch, Double.toString(workload.learningRate),
                set.size(), stepsPerEpoch(), workload.checkSteps, workload.evalCount,
                x.getFileName(), y.getFileName(), workload.name() + ".order.i32", workload.name() + ".init.safetensors",
                Double.toString(referenceLoss), workload.timesInference());
        Files.writeString(dir.resolve(workload.name() + ".json"), json);
    }

    /** What {@link #write} wrote: the data, the order and the initial weights, as every contestant loads them. */
    public static BenchData read(Workload w, Path dir) throws Exception {
        float[] features = readFloats(dir.resolve(w.dataset + ".x.f32"));
        int[] labels = readInts(dir.resolve(w.dataset + ".y.i32"));
        int[] order = readInts(dir.resolve(w.name() + ".order.i32"));
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < w.classes(); c++) {
            classes.add(Integer.toString(c));
        }
        Dataset set = Dataset.classification(w.dataset, w.inputs(), classes, features, labels);
        Map<String, float[]> init = new LinkedHashMap<>();
        for (Tensor t : Safetensors.read(dir.resolve(w.name() + ".init.safetensors")).tensors()) {
            init.put(t.name(), t.asF32());
        }
        return new BenchData(w, set, order, init);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(file, b.array());
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        Files.write(file, b.array());
    }

    private static float[] readFloats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static int[] readInts(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[b.remaining() / 4];
        b.asIntBuffer().get(v);
        return v;
    }
}
