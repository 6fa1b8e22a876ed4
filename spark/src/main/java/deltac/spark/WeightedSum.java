package deltac.spark;

import java.io.Serializable;

/**
 * What partitions send back and {@code treeAggregate} combines: a sum of arrays (weighted gradients in synchronous
 * mode, weighted parameters when averaging), a sum of losses and a count of samples. Empty until the first
 * {@link #add}, so a partition with nothing to contribute moves no arrays.
 */
final class WeightedSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private float[][] arrays;
    private double loss;
    private long samples;

    static WeightedSum empty() {
        return new WeightedSum();
    }

    /** Adds {@code weight × arrays} (read, not kept), the loss and the samples behind them. */
    WeightedSum add(float[][] values, float weight, double lossPart, long count) {
        if (arrays == null) {
            arrays = new float[values.length][];
            for (int k = 0; k < values.length; k++) {
                arrays[k] = new float[values[k].length];
            }
        }
        for (int k = 0; k < values.length; k++) {
            float[] sum = arrays[k];
            float[] v = values[k];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * v[i];
            }
        }
        loss += lossPart;
        samples += count;
        return this;
    }

    /** This plus {@code other}; either may be consumed. Float addition commutes, so two partitions sum alike in either order. */
    WeightedSum merge(WeightedSum other) {
        if (other.arrays == null) {
            loss += other.loss;
            samples += other.samples;
            return this;
        }
        if (arrays == null) {
            other.loss += loss;
            other.samples += samples;
            return other;
        }
        return add(other.arrays, 1f, other.loss, other.samples);
    }

    /** The summed arrays, live; null when nothing was added. */
    float[][] arrays() {
        return arrays;
    }

    double loss() {
        return loss;
    }

    long samples() {
        return samples;
    }
}
