package deltac.runtime.data;

import deltac.runtime.Feed;
import deltac.runtime.Feeds;
import deltac.runtime.checkpoint.Checkpoint;
import deltac.runtime.checkpoint.CheckpointException;
import deltac.runtime.checkpoint.Safetensors;
import deltac.runtime.checkpoint.Tensor;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set from a safetensors file holding one tensor per feed, named as in the spec. A tensor may be laid out
 * sample-major, {@code [samples, rows]} as PyTorch saves a batch ({@code [samples]} for a feed of one row), or a
 * column per sample, {@code [rows, samples]} as {@code deltac grad --batch} takes it; when both read the same
 * (as many samples as rows) it is sample-major, unless the file's metadata says {@code "deltac.layout": "columns"}.
 * Every tensor must hold the same number of samples; F32 and F64 are read, F64 narrowed to float.
 */
public final class SafetensorsData {
    private SafetensorsData() {}

    /** The file's tensors for {@code feeds}, each found by name; other tensors are ignored. */
    public static FeedSet read(Path file, List<Feed> feeds, String model) throws DataException {
        return read(file, feeds, model, false);
    }

    /**
     * As {@link #read(Path, List, String)}; when {@code columnsFirst}, a tensor that reads both ways is a column per
     * sample (a batch as {@code deltac grad} takes it).
     */
    public static FeedSet read(Path file, List<Feed> feeds, String model, boolean columnsFirst) throws DataException {
        Checkpoint data;
        try {
            data = Safetensors.read(file);
        } catch (CheckpointException e) {
            throw new DataException(e.getMessage(), e);
        }
        String layout = data.metadata().get("deltac.layout");
        boolean columns = layout == null ? columnsFirst : layout.equals("columns");
        float[][] values = new float[feeds.size()][];
        int samples = -1;
        String first = null;
        for (int k = 0; k < feeds.size(); k++) {
            Feed f = feeds.get(k);
            if (!data.has(f.name())) {
                throw new DataException(file + ": no tensor " + f.name() + " (" + model + " reads " + Feeds.names(feeds)
                        + "; the file holds " + String.join(", ", data.names()) + ")");
            }
            Tensor t = data.get(f.name());
            boolean sampleMajor = t.cols() == f.rows() && !(columns && t.rows() == f.rows());
            if (!sampleMajor && t.rows() != f.rows()) {
                throw new DataException(file + ": " + f.name() + " is " + t.rows() + "×" + t.cols() + " but " + model
                        + "'s " + f.name() + " has " + f.rows() + " rows (give it as [samples, " + f.rows()
                        + "] or [" + f.rows() + ", samples])");
            }
            int count = sampleMajor ? t.rows() : t.cols();
            if (samples >= 0 && count != samples) {
                throw new DataException(file + ": " + f.name() + " holds " + count + " samples but " + first
                        + " holds " + samples);
            }
            if (count < 1) {
                throw new DataException(file + ": " + f.name() + " holds no samples");
            }
            samples = count;
            first = f.name();
            float[] v = t.asF32();
            values[k] = sampleMajor ? v : transpose(v, t.rows(), t.cols());
        }
        String name = file.getFileName().toString();
        return new FeedSet(name, samples, feeds, values, List.of());
    }

    private static float[] transpose(float[] v, int rows, int cols) {
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }
}
