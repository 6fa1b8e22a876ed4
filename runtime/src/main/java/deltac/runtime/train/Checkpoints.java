package deltac.runtime.train;

import deltac.runtime.Model;
import deltac.runtime.Precision;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A model's parameters to and from safetensors files, and their initial values.
 *
 * <pre>{@code
 * Checkpoints.initialize(model, Map.of("W1", Initializer.HE), Map.of(), 42);
 * ... train ...
 * Checkpoints.save(model, Path.of("w.safetensors"), Map.of("deltac.epoch", "5"));
 * Checkpoints.load(other, Path.of("w.safetensors"));    // same spec: same names and shapes
 * }</pre>
 */
public final class Checkpoints {

    /** Metadata key of the model's name, written by {@link #save}. */
    public static final String MODEL_KEY = "deltac.model";
    /** Metadata key of the precision the model trained in, written by {@link #save}. */
    public static final String PRECISION_KEY = "deltac.precision";

    private Checkpoints() {}

    /**
     * Writes every parameter, in the model's precision, atomically (see {@link Safetensors#write}). The metadata
     * gets {@value #MODEL_KEY} and {@value #PRECISION_KEY} unless given; add your own, such as {@code deltac.spec}
     * or {@code deltac.epoch}.
     *
     * @param metadata extra string entries, or null
     * @throws CheckpointException when the file cannot be written
     */
    public static void save(Model model, Path file, Map<String, String> metadata) throws CheckpointException {
        List<Tensor> tensors = new ArrayList<>();
        for (Tensor p : model.parameters()) {
            tensors.add(inPrecision(p, model.precision()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(MODEL_KEY, model.name());
        meta.put(PRECISION_KEY, model.precision().name());
        if (metadata != null) {
            meta.putAll(metadata);
        }
        Safetensors.write(file, tensors, meta);
    }

    /**
     * Copies the checkpoint's tensors into the model's live parameters, converting F32 and F64 as needed. Every
     * parameter must be in the file with its shape; tensors the model lacks are ignored. Nothing is copied unless
     * every parameter validates.
     *
     * @return the checkpoint, for its metadata
     * @throws CheckpointException when the file is unreadable or malformed, or a parameter is missing or has another
     *     shape, e.g. {@code w.safetensors: W1 is 128×784 in the spec but 64×784 in the checkpoint}
     */
    public static Checkpoint load(Model model, Path file) throws CheckpointException {
        List<Tensor> parameters = model.parameters();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Tensor p : parameters) {
            shapes.put(p.name(), new int[] {p.rows(), p.cols()});
        }
        Checkpoint checkpoint = Safetensors.read(file, shapes); // validates all shapes before reading any data
        for (Tensor p : parameters) {
            copy(checkpoint.get(p.name()), p);
        }
        return checkpoint;
    }

    /**
     * Draws every parameter's initial values, each from its own stream ({@link Initializer#seedFor}), so adding a
     * parameter leaves the others' values unchanged.
     *
     * @param kinds the initializer per parameter name; a parameter not named gets the spec's default,
     *     {@link Initializer#defaultFor}
     * @param scales the scale per parameter name, for {@link Initializer#NORMAL} (std) and {@link Initializer#UNIFORM}
     *     (bound); 1 when not named
     * @throws IllegalArgumentException when a map names a parameter the model does not have
     */
    public static void initialize(Model model, Map<String, Initializer> kinds, Map<String, Double> scales, long seed) {
        List<Tensor> parameters = model.parameters();
        Set<String> names = new HashSet<>();
        for (Tensor p : parameters) {
            names.add(p.name());
        }
        for (String name : union(kinds.keySet(), scales.keySet())) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no parameter " + name + " in " + model.name() + " to initialize; it has "
                        + names);
            }
        }
        for (Tensor p : parameters) {
            Initializer kind = kinds.getOrDefault(p.name(), Initializer.defaultFor(p.rows(), p.cols()));
            double scale = scales.getOrDefault(p.name(), 1.0);
            kind.fill(p, scale, new SplittableRandom(Initializer.seedFor(seed, p.name())));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Tensor inPrecision(Tensor p, Precision precision) {
        if (precision == Precision.F32) {
            return p.f32() != null ? p : Tensor.of(p.name(), p.rows(), p.cols(), p.asF32());
        }
        return p.f64() != null ? p : Tensor.of(p.name(), p.rows(), p.cols(), p.asF64());
    }

    private static void copy(Tensor from, Tensor to) {
        if (to.f32() != null) {
            if (from.f32() != null) {
                System.arraycopy(from.f32(), 0, to.f32(), 0, to.size());
            } else {
                double[] src = from.f64();
                float[] dst = to.f32();
                for (int i = 0; i < dst.length; i++) {
                    dst[i] = (float) src[i];
                }
            }
        } else {
            if (from.f64() != null) {
                System.arraycopy(from.f64(), 0, to.f64(), 0, to.size());
            } else {
                float[] src = from.f32();
                double[] dst = to.f64();
                for (int i = 0; i < dst.length; i++) {
                    dst[i] = src[i];
                }
            }
        }
    }
}
