package deltac.runtime.data;

import deltac.runtime.Feed;
import deltac.runtime.Feeds;
import deltac.runtime.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A data set laid out as a model's feeds: for each of the spec's inputs and targets, its values, sample-major
 * ({@code size × rows}: sample {@code i}'s values at {@code [i*rows, (i+1)*rows)}). What the training loop reads.
 * Made by binding a {@link Dataset} (features and labels, as the bundled sets, IDX and CSV have them) with
 * {@link #bind}, or from named tensors ({@link SafetensorsData}).
 *
 * <pre>{@code
 * FeedSet train = FeedSet.bind(Bundled.mnistTrain(), trainer);   // x ← the pixels, y ← the labels one-hot
 * }</pre>
 */
public final class FeedSet {
    private final String name;
    private final int size;
    private final List<Feed> feeds;
    private final float[][] values;
    private final List<String> classNames;

    /**
     * @param values one array per feed, {@code size × rows}, sample-major; shared, not copied
     * @param classNames the class of each row of a one-hot target, for reports; empty when there is none
     */
    public FeedSet(String name, int size, List<Feed> feeds, float[][] values, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.feeds = List.copyOf(feeds);
        this.classNames = List.copyOf(classNames);
        if (values.length != feeds.size()) {
            throw new IllegalArgumentException(values.length + " arrays for " + feeds.size() + " feeds");
        }
        for (int k = 0; k < values.length; k++) {
            if (values[k].length != (long) size * feeds.get(k).rows()) {
                throw new IllegalArgumentException(feeds.get(k).name() + " has " + values[k].length + " values for "
                        + size + " samples of " + feeds.get(k).rows());
            }
        }
        this.size = size;
        this.values = values;
    }

    /** The data as a trainer reads it: its inputs and targets. See {@link #bind(Dataset, List, List, String)}. */
    public static FeedSet bind(Dataset data, Trainer trainer) throws DataException {
        return bind(data, trainer.inputs(), trainer.targets(), trainer.name());
    }

    /**
     * A data set of features and labels (or regression targets) bound to a spec's feeds: its one input reads the
     * features; its one target, if it has one, the labels one-hot (a target of one row reads a two-class label as
     * 0 or 1) or the regression targets. The arrays are shared where no conversion is needed.
     *
     * @throws DataException naming the spec's feed and rows and what the data holds, when they do not fit
     */
    public static FeedSet bind(Dataset data, List<Feed> inputs, List<Feed> targets, String model)
            throws DataException {
        String holds = holds(data);
        if (inputs.size() != 1) {
            throw new DataException(model + " reads " + inputs.size() + " inputs, " + Feeds.names(inputs) + ", but "
                    + data.name() + " holds one set of features (" + data.featureCount()
                    + " per sample): give a safetensors file with a tensor named after each input");
        }
        if (targets.size() > 1) {
            throw new DataException(model + " has " + targets.size() + " targets, " + Feeds.names(targets) + ", but "
                    + data.name() + " holds " + holds + ": give a safetensors file with a tensor named after each target");
        }
        Feed x = inputs.get(0);
        if (x.rows() != data.featureCount()) {
            throw new DataException(model + "'s input " + x.name() + " has " + x.rows() + " rows but " + data.name()
                    + " has " + data.featureCount() + " features per sample");
        }
        List<Feed> feeds = new ArrayList<>(inputs);
        List<float[]> arrays = new ArrayList<>(List.of(data.features()));
        List<String> classes = List.of();
        if (!targets.isEmpty()) {
            Feed y = targets.get(0);
            feeds.add(y);
            if (data.isClassification() && y.rows() == data.classes()) {
                arrays.add(oneHot(data.labels(), data.classes()));
                classes = data.classNames();
            } else if (data.isClassification() && y.rows() == 1 && data.classes() == 2) {
                arrays.add(zeroOne(data.labels()));
                classes = data.classNames();
            } else if (!data.isClassification() && y.rows() == data.targetWidth()) {
                arrays.add(data.targets());
            } else {
                throw new DataException(model + "'s target " + y.name() + " has " + y.rows() + " rows but "
                        + data.name() + " holds " + holds);
            }
        }
        return new FeedSet(data.name(), data.size(), feeds, arrays.toArray(float[][]::new), classes);
    }

    private static String holds(Dataset data) {
        return data.isClassification() ? "labels of " + data.classes() + " classes"
                : data.targetWidth() + " target column" + (data.targetWidth() == 1 ? "" : "s");
    }

    private static float[] oneHot(int[] labels, int classes) {
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + labels[i]] = 1f;
        }
        return y;
    }

    private static float[] zeroOne(int[] labels) {
        float[] y = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i];
        }
        return y;
    }

    public String name() {
        return name;
    }

    /** The number of samples. */
    public int size() {
        return size;
    }

    public List<Feed> feeds() {
        return feeds;
    }

    /** The class names of a one-hot (or 0/1) target, in row order; empty when the data has none. */
    public List<String> classNames() {
        return classNames;
    }

    /** The values of a feed, {@code size × rows}, sample-major; shared. */
    public float[] values(String feed) {
        return values[index(feed)];
    }

    /** Where {@code feed}, the k-th of a caller's list, is here: at k when the lists agree (no look-up), else by name. */
    private int position(Feed feed, int k) {
        return k < feeds.size() && feeds.get(k) == feed ? k : index(feed.name());
    }

    /** The position of a feed by name. */
    public int index(String feed) {
        for (int k = 0; k < feeds.size(); k++) {
            if (feeds.get(k).name().equals(feed)) {
                return k;
            }
        }
        throw new IllegalArgumentException(name + " has no " + feed + "; it has " + Feeds.names(feeds));
    }

    /** Throws unless this data holds each of {@code wanted}, with the same rows. */
    public void checkHolds(String model, List<Feed> wanted) throws DataException {
        for (Feed f : wanted) {
            if (!feeds.contains(f)) {
                throw new DataException(model + " needs " + f + " but " + name + " holds " + Feeds.names(feeds));
            }
        }
    }

    /** The samples at {@code indices}, in that order, as a new data set (copied). */
    public FeedSet pick(int[] indices, String newName) {
        float[][] picked = new float[feeds.size()][];
        for (int k = 0; k < picked.length; k++) {
            int rows = feeds.get(k).rows();
            picked[k] = new float[indices.length * rows];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values[k], indices[i] * rows, picked[k], i * rows, rows);
            }
        }
        return new FeedSet(newName, indices.length, feeds, picked, classNames);
    }

    /** Floats per sample, over all feeds. */
    public int sampleWidth() {
        int width = 0;
        for (Feed f : feeds) {
            width += f.rows();
        }
        return width;
    }

    /** A data set of the same feeds for {@code capacity} samples, all zeros: somewhere to {@link #gather} into. */
    public FeedSet blank(int capacity, String newName) {
        float[][] blank = new float[feeds.size()][];
        for (int k = 0; k < blank.length; k++) {
            blank[k] = new float[capacity * feeds.get(k).rows()];
        }
        return new FeedSet(newName, capacity, feeds, blank, classNames);
    }

    /**
     * Copies samples {@code order[start .. start + count)} into samples {@code [0, count)} of {@code into} (made by
     * {@link #blank}), in that order. Its loads are independent of each other, so the processor overlaps their cache
     * misses, which one sample at a time it cannot.
     */
    public void gather(int[] order, int start, int count, FeedSet into) {
        if (!into.feeds.equals(feeds) || count > into.size) {
            throw new IllegalArgumentException(into.name + " cannot hold " + count + " samples of " + name);
        }
        for (int k = 0; k < values.length; k++) {
            int rows = feeds.get(k).rows();
            float[] from = values[k];
            float[] to = into.values[k];
            if (rows >= 16) {
                for (int i = 0; i < count; i++) {
                    System.arraycopy(from, order[start + i] * rows, to, i * rows, rows);
                }
            } else { // a call per sample would cost more than its few floats
                for (int i = 0, at = 0; i < count; i++) {
                    for (int r = 0, sample = order[start + i] * rows; r < rows; r++) {
                        to[at++] = from[sample + r];
                    }
                }
            }
        }
    }

    /**
     * Copies a batch in column layout into {@code out}, one array per feed of {@code which} (each {@code rows × n},
     * row-major): column {@code j} is sample {@code order[start + j]}.
     *
     * <p>A transpose: samples are rows here and columns there. It moves tiles of eight samples, their offsets held
     * in locals, so each row of the tile is one run of eight writes: 2.5× the speed of a sample at a time at MNIST's
     * 784 × 64, where that cost a sixth of a training step.
     */
    public void copyBatch(List<Feed> which, int[] order, int start, int n, float[][] out) {
        for (int k = 0; k < which.size(); k++) {
            float[] from = values[position(which.get(k), k)];
            float[] to = out[k];
            int rows = which.get(k).rows();
            int j = 0;
            for (; j + 8 <= n; j += 8) {
                int s0 = order[start + j] * rows, s1 = order[start + j + 1] * rows;
                int s2 = order[start + j + 2] * rows, s3 = order[start + j + 3] * rows;
                int s4 = order[start + j + 4] * rows, s5 = order[start + j + 5] * rows;
                int s6 = order[start + j + 6] * rows, s7 = order[start + j + 7] * rows;
                for (int r = 0, at = j; r < rows; r++, at += n) {
                    to[at] = from[s0 + r];
                    to[at + 1] = from[s1 + r];
                    to[at + 2] = from[s2 + r];
                    to[at + 3] = from[s3 + r];
                    to[at + 4] = from[s4 + r];
                    to[at + 5] = from[s5 + r];
                    to[at + 6] = from[s6 + r];
                    to[at + 7] = from[s7 + r];
                }
            }
            for (; j < n; j++) {
                int sample = order[start + j] * rows;
                for (int r = 0; r < rows; r++) {
                    to[r * n + j] = from[sample + r];
                }
            }
        }
    }

    /** The float64 variant of {@link #copyBatch(List, int[], int, int, float[][])}, a sample at a time. */
    public void copyBatch(List<Feed> which, int[] order, int start, int n, double[][] out) {
        for (int k = 0; k < which.size(); k++) {
            float[] from = values[position(which.get(k), k)];
            double[] to = out[k];
            int rows = which.get(k).rows();
            for (int j = 0; j < n; j++) {
                int sample = order[start + j] * rows;
                for (int r = 0; r < rows; r++) {
                    to[r * n + j] = from[sample + r];
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + ": " + size + " samples of " + Feeds.names(feeds);
    }
}
