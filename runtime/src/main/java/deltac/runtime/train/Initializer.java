package deltac.runtime.train;

import deltac.runtime.checkpoint.Tensor;
import java.util.SplittableRandom;

/**
 * How a parameter's initial values are drawn, as the spec's {@code glorot() he() normal(std) uniform(a) zeros()}.
 * A parameter of shape {@code rows × cols} maps {@code cols} inputs to {@code rows} outputs, so its fan-in is
 * {@code cols} and its fan-out {@code rows}.
 *
 * <p>Draws are reproducible: the same generator state gives the same values on every JVM (the normal draws use
 * our own polar method, not {@code nextGaussian}, whose algorithm may change). The float variant rounds exactly
 * the doubles the double variant would produce. Seed each parameter with {@link #seedFor(long, String)} so that
 * adding a parameter to a spec leaves the others' initial values unchanged:
 *
 * <pre>{@code
 * SplittableRandom rng = new SplittableRandom(Initializer.seedFor(42, "W1"));
 * Initializer.GLOROT.fill(w1, 128, 784, 0, rng);
 * }</pre>
 */
public enum Initializer {
    /** Uniform on ±sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio, 2010); {@code scale} is ignored. */
    GLOROT,
    /** Normal with standard deviation sqrt(2 / fanIn) (He et al., 2015), for ReLU layers; {@code scale} is ignored. */
    HE,
    /** Normal with standard deviation {@code scale}. */
    NORMAL,
    /** Uniform on ±{@code scale}. */
    UNIFORM,
    /** All zeros; {@code scale} is ignored and the generator is not used. */
    ZEROS;

    /**
     * Fills {@code values} ({@code rows × cols}, row-major) with draws from {@code rng}.
     *
     * @param scale the standard deviation for {@link #NORMAL}, the bound for {@link #UNIFORM}; ignored otherwise
     * @throws IllegalArgumentException when the array does not hold rows × cols values or the scale is negative
     */
    public void fill(float[] values, int rows, int cols, double scale, SplittableRandom rng) {
        check(values.length, rows, cols, scale);
        Draw draw = new Draw(this, rows, cols, scale, rng);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) draw.next();
        }
    }

    /** The double variant of {@link #fill(float[], int, int, double, SplittableRandom)}. */
    public void fill(double[] values, int rows, int cols, double scale, SplittableRandom rng) {
        check(values.length, rows, cols, scale);
        Draw draw = new Draw(this, rows, cols, scale, rng);
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.next();
        }
    }

    /** Fills a tensor in place, in whichever precision it holds. */
    public void fill(Tensor tensor, double scale, SplittableRandom rng) {
        if (tensor.f32() != null) {
            fill(tensor.f32(), tensor.rows(), tensor.cols(), scale, rng);
        } else {
            fill(tensor.f64(), tensor.rows(), tensor.cols(), scale, rng);
        }
    }

    /**
     * The seed of parameter {@code name}'s own stream under the run's {@code seed}: a hash of both, so each
     * parameter's values depend only on the seed and its name, not on which other parameters exist.
     */
    public static long seedFor(long seed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 code units: stable, unlike identity hashes
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** The spec's default: Glorot for a matrix (more than one column), zeros for a column (a bias) or a scalar. */
    public static Initializer defaultFor(int rows, int cols) {
        return cols > 1 ? GLOROT : ZEROS;
    }

    // SplitMix64's finalizer: every input bit affects every output bit.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void check(int length, int rows, int cols, double scale) {
        if (rows < 0 || cols < 0 || (long) rows * cols != length) {
            throw new IllegalArgumentException(rows + "×" + cols + " needs " + (long) rows * cols + " values, got " + length);
        }
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("an initializer's scale must be finite and at least 0, got " + scale);
        }
    }

    /** One fill's draws: the distribution's bound or deviation, and the spare value of the polar method. */
    private static final class Draw {
        private final Initializer kind;
        private final double width;
        private final SplittableRandom rng;
        private double spare;
        private boolean hasSpare;

        Draw(Initializer kind, int rows, int cols, double scale, SplittableRandom rng) {
            this.kind = kind;
            this.rng = rng;
            int fanIn = Math.max(cols, 1);
            int fanOut = Math.max(rows, 1);
            this.width = switch (kind) {
                case GLOROT -> Math.sqrt(6.0 / (fanIn + fanOut));
                case HE -> Math.sqrt(2.0 / fanIn);
                case NORMAL, UNIFORM -> scale;
                case ZEROS -> 0;
            };
        }

        double next() {
            return switch (kind) {
                case GLOROT, UNIFORM -> width * (2 * rng.nextDouble() - 1);
                case HE, NORMAL -> width * gaussian();
                case ZEROS -> 0;
            };
        }

        // Marsaglia's polar method: two independent standard normals per accepted point.
        private double gaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double m = Math.sqrt(-2 * Math.log(s) / s);
            spare = v * m;
            hasSpare = true;
            return u * m;
        }
    }
}
