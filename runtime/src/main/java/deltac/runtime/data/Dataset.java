package deltac.runtime.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory data set: one row of {@code featureCount} floats per sample, plus either a class
 * label per sample (classification) or {@code targetWidth} floats per sample (regression).
 *
 * <p>Arrays are row-major and shared, not copied: sample {@code i}'s features are
 * {@code features[i*featureCount .. (i+1)*featureCount)}, its regression targets
 * {@code targets[i*targetWidth .. (i+1)*targetWidth)}. Treat them as read-only; the copy would cost
 * as much memory as the data set itself.
 *
 * @param name a short name for messages, such as {@code "mnist"} or the CSV file's base name
 * @param featureCount the number of features per sample, at least 1
 * @param classNames the class names in label order; empty for regression
 * @param features samples × featureCount values, row-major
 * @param labels the class index of each sample, in {@code [0, classNames.size())}; null for regression
 * @param targets samples × targetWidth values, row-major; null for classification
 * @param targetWidth the number of regression targets per sample; 0 for classification
 */
public record Dataset(String name, int featureCount, List<String> classNames, float[] features,
                      int[] labels, float[] targets, int targetWidth) {

    /** The most values one array of a data set may hold: the largest array a JVM reliably allocates. */
    public static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    /** Validates that the arrays agree, so users of a {@code Dataset} need not check again. */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        if (featureCount <= 0) {
            throw new IllegalArgumentException("featureCount must be positive, got " + featureCount);
        }
        if (features.length % featureCount != 0) {
            throw new IllegalArgumentException("features has " + features.length
                    + " values, not a multiple of featureCount " + featureCount);
        }
        int samples = features.length / featureCount;
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException(
                    "a data set has either labels (classification) or targets (regression), exactly one");
        }
        if (labels != null) {
            checkClassification(classNames, labels, targetWidth, samples);
        } else {
            checkRegression(classNames, targets, targetWidth, samples);
        }
    }

    /** A classification data set; see the record components for the layout. */
    public static Dataset classification(String name, int featureCount, List<String> classNames,
                                         float[] features, int[] labels) {
        return new Dataset(name, featureCount, classNames, features,
                Objects.requireNonNull(labels, "labels"), null, 0);
    }

    /** A regression data set; see the record components for the layout. */
    public static Dataset regression(String name, int featureCount, float[] features,
                                     float[] targets, int targetWidth) {
        return new Dataset(name, featureCount, List.of(), features, null,
                Objects.requireNonNull(targets, "targets"), targetWidth);
    }

    /** The number of samples. */
    public int size() {
        return features.length / featureCount;
    }

    /** The number of classes; 0 for regression. */
    public int classes() {
        return classNames.size();
    }

    /** True when samples carry class labels, false when they carry regression targets. */
    public boolean isClassification() {
        return labels != null;
    }

    /** The height of a {@code y} batch column: the class count (one-hot) or the target width. */
    public int outputWidth() {
        return isClassification() ? classes() : targetWidth;
    }

    /** The same data under another name (the arrays are shared). */
    public Dataset withName(String newName) {
        return new Dataset(newName, featureCount, classNames, features, labels, targets, targetWidth);
    }

    /**
     * A copy of samples {@code [from, to)}, named {@code name[from:to]}, with the same classes.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()}
     */
    public Dataset slice(int from, int to) {
        if (from < 0 || from > to || to > size()) {
            throw new IllegalArgumentException(
                    "slice [" + from + ", " + to + ") is not within the " + size() + " samples of " + name);
        }
        String sliceName = name + "[" + from + ":" + to + "]";
        float[] x = Arrays.copyOfRange(features, from * featureCount, to * featureCount);
        return isClassification()
                ? classification(sliceName, featureCount, classNames, x, Arrays.copyOfRange(labels, from, to))
                : regression(sliceName, featureCount, x,
                        Arrays.copyOfRange(targets, from * targetWidth, to * targetWidth), targetWidth);
    }

    /**
     * Copies a batch in column layout: column {@code j} is sample {@code order[start + j]}.
     *
     * <p>{@code xColumns} receives a featureCount × count row-major matrix
     * ({@code xColumns[f*count + j]} is feature {@code f} of column {@code j}); {@code yColumns} an
     * {@link #outputWidth()} × count matrix, one-hot for classification. Arrays longer than needed
     * are fine (an EJML matrix may have spare capacity); only the leading values are written.
     *
     * @param order sample indices, typically a shuffled permutation
     * @param start the first position of {@code order} to use
     * @param count the number of samples (columns) in the batch, at least 1
     * @param xColumns receives the features
     * @param yColumns receives the targets, or null to copy only the features (inference)
     * @throws IllegalArgumentException if a range, array length or sample index is out of bounds
     */
    public void copyBatch(int[] order, int start, int count, double[] xColumns, double[] yColumns) {
        checkBatch(order, start, count, xColumns == null ? -1 : xColumns.length, yColumns == null ? -2 : yColumns.length);
        for (int j = 0; j < count; j++) {
            int sample = order[start + j];
            int base = sample * featureCount;
            for (int f = 0; f < featureCount; f++) {
                xColumns[f * count + j] = features[base + f];
            }
        }
        if (yColumns == null) {
            return;
        }
        if (isClassification()) {
            Arrays.fill(yColumns, 0, classes() * count, 0.0);
            for (int j = 0; j < count; j++) {
                yColumns[labels[order[start + j]] * count + j] = 1.0;
            }
        } else {
            for (int j = 0; j < count; j++) {
                int base = order[start + j] * targetWidth;
                for (int t = 0; t < targetWidth; t++) {
                    yColumns[t * count + j] = targets[base + t];
                }
            }
        }
    }

    /** The {@code float} variant of {@link #copyBatch(int[], int, int, double[], double[])}. */
    public void copyBatch(int[] order, int start, int count, float[] xColumns, float[] yColumns) {
        checkBatch(order, start, count, xColumns == null ? -1 : xColumns.length, yColumns == null ? -2 : yColumns.length);
        for (int j = 0; j < count; j++) {
            int base = order[start + j] * featureCount;
            for (int f = 0; f < featureCount; f++) {
                xColumns[f * count + j] = features[base + f];
            }
        }
        if (yColumns == null) {
            return;
        }
        if (isClassification()) {
            Arrays.fill(yColumns, 0, classes() * count, 0f);
            for (int j = 0; j < count; j++) {
                yColumns[labels[order[start + j]] * count + j] = 1f;
            }
        } else {
            for (int j = 0; j < count; j++) {
                int base = order[start + j] * targetWidth;
                for (int t = 0; t < targetWidth; t++) {
                    yColumns[t * count + j] = targets[base + t];
                }
            }
        }
    }

    /** A summary such as {@code mnist: 10000 samples x 784 features, 10 classes}. */
    @Override
    public String toString() {
        String what = isClassification() ? classes() + " classes" : targetWidth + " regression targets";
        return name + ": " + size() + " samples x " + featureCount + " features, " + what;
    }

    // xLength -1 means x is null (an error); yLength -2 means y is null (allowed: features only).
    private void checkBatch(int[] order, int start, int count, int xLength, int yLength) {
        if (order == null) {
            throw new IllegalArgumentException("order is null");
        }
        if (xLength == -1) {
            throw new IllegalArgumentException("xColumns is null");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("batch count must be positive, got " + count);
        }
        if (start < 0 || start > order.length - count) {
            throw new IllegalArgumentException("batch [" + start + ", " + ((long) start + count)
                    + ") is not within order, which has " + order.length + " entries");
        }
        long xNeeded = (long) featureCount * count;
        if (xLength < xNeeded) {
            throw new IllegalArgumentException("xColumns has " + xLength + " values but a batch of "
                    + count + " samples x " + featureCount + " features needs " + xNeeded);
        }
        long yNeeded = (long) outputWidth() * count;
        if (yLength != -2 && yLength < yNeeded) {
            throw new IllegalArgumentException("yColumns has " + yLength + " values but a batch of "
                    + count + " samples x " + outputWidth() + " outputs needs " + yNeeded);
        }
        int samples = size();
        for (int j = start; j < start + count; j++) {
            if (order[j] < 0 || order[j] >= samples) {
                throw new IllegalArgumentException("order[" + j + "] = " + order[j]
                        + " is not a sample index of " + name + " (0.." + (samples - 1) + ")");
            }
        }
    }

    private static void checkClassification(List<String> classNames, int[] labels, int targetWidth, int samples) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a classification data set needs class names");
        }
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("duplicate class names in " + classNames);
        }
        if (targetWidth != 0) {
            throw new IllegalArgumentException("targetWidth must be 0 for classification, got " + targetWidth);
        }
        if (labels.length != samples) {
            throw new IllegalArgumentException(
                    "labels has " + labels.length + " entries for " + samples + " samples");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i
                        + " is not a class index (0.." + (classNames.size() - 1) + ")");
            }
        }
    }

    private static void checkRegression(List<String> classNames, float[] targets, int targetWidth, int samples) {
        if (!classNames.isEmpty()) {
            throw new IllegalArgumentException("a regression data set has no class names, got " + classNames);
        }
        if (targetWidth <= 0) {
            throw new IllegalArgumentException("targetWidth must be positive for regression, got " + targetWidth);
        }
        if (targets.length != (long) samples * targetWidth) {
            throw new IllegalArgumentException("targets has " + targets.length + " values for "
                    + samples + " samples x " + targetWidth + " targets");
        }
    }
}
