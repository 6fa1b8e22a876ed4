package deltac.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import scala.Tuple2;

/**
 * One partition's samples, checked against the spec's feeds once and then kept in an executor's memory: per feed the
 * values sample-major, as {@code FeedSet} keeps them, and each sample's index in the whole data set, which is how a
 * step finds its share of the global batch.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] index;
    private final int[] rows;
    private final float[][] values;

    private Shard(long[] index, int[] rows, float[][] values) {
        this.index = index;
        this.rows = rows;
        this.values = values;
    }

    /**
     * The samples of a partition, each an array per feed in the trainer's {@code feeds()} order, with its index.
     *
     * @throws TrainingDataException naming the feed and the sample when a sample does not fit the feeds
     */
    static Shard of(Iterator<Tuple2<float[][], Long>> samples, FeedShapes feeds) {
        int[] rows = feeds.rows();
        long[] index = new long[16];
        float[][] values = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            values[k] = new float[16 * rows[k]];
        }
        int size = 0;
        while (true) {
            Tuple2<float[][], Long> sample = next(samples);
            if (sample == null) {
                break;
            }
            feeds.check(sample._1(), sample._2());
            if (size == index.length) {
                index = Arrays.copyOf(index, size * 2);
                for (int k = 0; k < rows.length; k++) {
                    values[k] = Arrays.copyOf(values[k], size * 2 * rows[k]);
                }
            }
            index[size] = sample._2();
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(sample._1()[k], 0, values[k], size * rows[k], rows[k]);
            }
            size++;
        }
        for (int k = 0; k < rows.length; k++) {
            values[k] = Arrays.copyOf(values[k], size * rows[k]);
        }
        return new Shard(Arrays.copyOf(index, size), rows, values);
    }

    /**
     * The next sample, or null at the end; a failure to read the partition (a corrupt file, a lost path) becomes one
     * line naming the partition and the innermost reason.
     */
    private static Tuple2<float[][], Long> next(Iterator<Tuple2<float[][], Long>> samples) {
        try {
            return samples.hasNext() ? samples.next() : null;
        } catch (TrainingDataException e) {
            throw e;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            TaskContext task = TaskContext.get();
            throw new TrainingDataException((task == null ? "a partition" : "partition " + task.partitionId())
                    + " of the data cannot be read: " + (root.getMessage() == null ? root.toString() : root.getMessage()), e);
        }
    }

    int size() {
        return index.length;
    }

    /** The positions here of the samples ranked {@code [from, to)} in the epoch's order, in that order. */
    int[] membersRanked(int[] rank, int from, int to) {
        long[] found = new long[8];
        int count = 0;
        for (int i = 0; i < index.length; i++) {
            int r = rank[(int) index[i]];
            if (r >= from && r < to) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = ((long) r << 32) | i; // sorting by the high half sorts by rank
            }
        }
        Arrays.sort(found, 0, count);
        int[] members = new int[count];
        for (int j = 0; j < count; j++) {
            members[j] = (int) found[j];
        }
        return members;
    }

    /** The members' feeds as a batch: per feed {@code rows × n}, sample j in column j, as a trainer reads it. */
    float[][] batch(int[] members) {
        int n = members.length;
        float[][] out = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            float[] column = values[k];
            float[] batch = new float[r * n];
            for (int j = 0; j < n; j++) {
                int from = members[j] * r;
                for (int row = 0; row < r; row++) {
                    batch[row * n + j] = column[from + row];
                }
            }
            out[k] = batch;
        }
        return out;
    }
}
