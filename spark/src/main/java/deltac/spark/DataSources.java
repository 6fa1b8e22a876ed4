package deltac.spark;

import deltac.runtime.OutputKind;
import deltac.runtime.Trainer;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.Csv;
import deltac.runtime.data.DataException;
import deltac.runtime.data.Dataset;
import deltac.runtime.data.FeedSet;
import deltac.runtime.data.Idx;
import deltac.runtime.data.SafetensorsData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --data} for {@link Train}: the formats {@code deltac train} reads, from any path Spark can read (local,
 * HDFS, S3, ...). Parquet is read by the executors, partition by partition, so it may be larger than the driver's
 * memory; CSV, IDX and safetensors files are read on the driver, through Hadoop's file system, and spread over the
 * partitions.
 */
final class DataSources {
    private DataSources() {}

    /** The training samples, and the held-out ones to evaluate on the driver (null when the data has none). */
    record Loaded(String name, JavaRDD<float[][]> samples, FeedSet heldOut) {}

    static Loaded load(SparkSession spark, String data, String label, Trainer trainer, int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try {
            if (data.equals("mnist")) {
                return new Loaded("mnist (bundled, 8,000 digits)",
                        SparkFit.samples(context, FeedSet.bind(Bundled.mnistTrain(), trainer), partitions),
                        FeedSet.bind(Bundled.mnistTest(), trainer));
            }
            if (data.endsWith(".parquet") || data.endsWith(".parquet/")) {
                // the table's own partitions, merged down to as many as asked: no shuffle, so each sample's index
                // (its place in the data) is the same when a lost partition is read again
                JavaRDD<float[][]> rows = RowSamples.of(spark.read().parquet(data), trainer.feeds(), trainer.name());
                return new Loaded(data, rows.getNumPartitions() > partitions ? rows.coalesce(partitions) : rows, null);
            }
            int idx = idxSeparator(data);
            FeedSet all;
            if (idx > 0) {
                String images = data.substring(0, idx);
                String labels = data.substring(idx + 1);
                Path imagesFile = local(spark, images);
                Path labelsFile = local(spark, labels);
                all = FeedSet.bind(Idx.dataset(images, imagesFile, labelsFile), trainer);
            } else if (data.endsWith(".safetensors")) {
                all = SafetensorsData.read(local(spark, data), trainer.feeds(), trainer.name());
            } else if (data.endsWith(".csv")) {
                all = FeedSet.bind(csv(local(spark, data), data, label, trainer), trainer);
            } else {
                throw new TrainingDataException(data + ": --data takes mnist, FILE.csv, FILE.safetensors, IMAGES:LABELS (IDX)"
                        + " or a Parquet table (a path ending in .parquet)");
            }
            return new Loaded(data, SparkFit.samples(context, all, partitions), null);
        } catch (DataException e) {
            throw new TrainingDataException(e.getMessage(), e);
        } catch (Exception e) { // Parquet's schema read: a checked AnalysisException in Java's eyes
            throw SparkFailures.unwrap(e);
        }
    }

    /**
     * The ':' between two IDX paths, not one of a URI's scheme ({@code hdfs://host/a}, {@code file:/a}); -1 when there
     * is none.
     */
    private static int idxSeparator(String data) {
        for (int at = data.indexOf(':'); at >= 0; at = data.indexOf(':', at + 1)) {
            boolean scheme = data.startsWith("//", at + 1)
                    || (data.startsWith("/", at + 1) && data.substring(0, at).matches("[A-Za-z][A-Za-z0-9+.-]*"));
            if (!scheme) {
                return at;
            }
        }
        return -1;
    }

    /** A classifier reads one label column (the last unless named); a real-valued prediction its target columns. */
    private static Dataset csv(Path file, String name, String label, Trainer trainer) throws DataException {
        boolean regression = trainer.outputKind() == OutputKind.VALUES && !trainer.targets().isEmpty();
        return Csv.read(file, label, regression).withName(name);
    }

    /** The file at {@code path}, on any file system Hadoop reaches, as a local temporary copy. */
    private static Path local(SparkSession spark, String path) throws DataException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = remote.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (remote.toUri().getScheme() == null || "file".equals(remote.toUri().getScheme())) {
                Path file = Path.of(remote.toUri().getPath());
                if (!Files.isRegularFile(file)) {
                    throw new DataException(path + ": no such file");
                }
                return file;
            }
            Path copy = Files.createTempFile("deltac-data-", "-" + remote.getName());
            copy.toFile().deleteOnExit();
            try (InputStream in = fs.open(remote)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (FileNotFoundException e) {
            throw new DataException(path + ": no such file");
        } catch (IOException e) {
            throw new DataException(path + ": cannot read it: " + e.getMessage());
        }
    }
}
