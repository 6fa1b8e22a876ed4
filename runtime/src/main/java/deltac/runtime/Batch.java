package deltac.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch by name: the arrays of a spec's inputs and targets, each {@code rows × n}, row-major, a column per
 * sample. The convenient way to call a {@link Model} or {@link Trainer}; a loop that calls one millions of times
 * passes the arrays in order instead ({@link Trainer#feeds()}), which skips the look-ups.
 *
 * <pre>{@code
 * Batch b = Batch.of(32).put("x1", x1).put("x2", x2).put("y", y);
 * double loss = trainer.step(b, optimizer);
 * }</pre>
 */
public final class Batch {
    private final int size;
    private final Map<String, Object> arrays = new LinkedHashMap<>();

    private Batch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, got " + size);
        }
        this.size = size;
    }

    /** An empty batch of {@code n} samples. */
    public static Batch of(int n) {
        return new Batch(n);
    }

    /** The samples, n. */
    public int size() {
        return size;
    }

    public Batch put(String name, float[] values) {
        arrays.put(name, values);
        return this;
    }

    public Batch put(String name, double[] values) {
        arrays.put(name, values);
        return this;
    }

    /** The arrays of {@code feeds}, in their order, in float32 (float64 arrays are narrowed into copies). */
    public float[][] f32(String model, List<Feed> feeds) {
        float[][] out = new float[feeds.size()][];
        for (int k = 0; k < out.length; k++) {
            Object a = find(model, feeds, k);
            if (a instanceof float[] f) {
                out[k] = f;
            } else {
                double[] d = (double[]) a;
                out[k] = new float[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[k][i] = (float) d[i];
                }
            }
        }
        Feeds.check(model, feeds, size, out);
        return out;
    }

    /** The arrays of {@code feeds}, in their order, in float64 (float32 arrays are widened into copies). */
    public double[][] f64(String model, List<Feed> feeds) {
        double[][] out = new double[feeds.size()][];
        for (int k = 0; k < out.length; k++) {
            Object a = find(model, feeds, k);
            if (a instanceof double[] d) {
                out[k] = d;
            } else {
                float[] f = (float[]) a;
                out[k] = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    out[k][i] = f[i];
                }
            }
        }
        Feeds.check(model, feeds, size, out);
        return out;
    }

    private Object find(String model, List<Feed> feeds, int k) {
        Object a = arrays.get(feeds.get(k).name());
        if (a == null) {
            throw new IllegalArgumentException("the batch has no " + feeds.get(k) + "; " + model + " takes "
                    + Feeds.names(feeds) + " and the batch holds " + (arrays.isEmpty() ? "nothing" : arrays.keySet()));
        }
        return a;
    }
}
