package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that does not fit the spec, or cannot be read, fails the job with deltac's one line, found inside a task. */
class BadInputIT {
    @TempDir
    Path dir;

    static final StructType XY = new StructType()
            .add("x", DataTypes.createArrayType(DataTypes.FloatType))
            .add("y", DataTypes.createArrayType(DataTypes.FloatType));

    @Test
    void samplesOfTheWrongWidthNameTheFeedAndTheSample() throws Exception {
        List<float[][]> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new float[][] {new float[784], new float[10]});
        }
        samples.set(7, new float[][] {new float[4], new float[10]});
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> SparkFit.run(SynchronousIT.mnistMlp(),
                LocalCluster.spark().parallelize(samples, 2), SparkFitOptions.defaults().epochs(1)));
        assertEquals("MnistMlp's input x has 784 rows but sample 7 has 4 values for it", e.getMessage());
    }

    @Test
    void aTableWithoutTheSpecsColumnIsRefusedOnTheDriver() throws Exception {
        Dataset<Row> rows = LocalCluster.session().createDataFrame(List.of(RowFactory.create(new float[4], 1f)),
                new StructType().add("features", DataTypes.createArrayType(DataTypes.FloatType)).add("label", DataTypes.FloatType));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> SparkFit.run(SynchronousIT.mnistMlp(), rows, SparkFitOptions.defaults().epochs(1)));
        assertEquals("MnistMlp reads x (784 rows) but the data has no column x; it has [features, label]", e.getMessage());
    }

    @Test
    void aCorruptParquetPartFailsTheJobWithOneLineNamingThePartition() throws Exception {
        SparkSession session = LocalCluster.session();
        Graph net = SynchronousIT.mnistMlp();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            float[] y = new float[10];
            y[i % 10] = 1;
            rows.add(RowFactory.create(new float[784], y));
        }
        Path table = dir.resolve("digits.parquet");
        session.createDataFrame(rows, XY).repartition(2).write().parquet(table.toString());
        SparkFitOptions oneEpoch = SparkFitOptions.defaults().epochs(1).batchSize(32);
        assertEquals(1, SparkFit.run(net, session.read().schema(XY).parquet(table.toString()), oneEpoch).history().epochs().size(),
                "the intact table trains");

        List<Path> parts;
        try (Stream<Path> files = Files.list(table)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        Files.writeString(parts.get(1), "not a parquet file");
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> SparkFit.run(net, session.read().schema(XY).parquet(table.toString()), oneEpoch));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().matches("partition \\d+ of the data cannot be read: .*" + parts.get(1).getFileName() + ".*"),
                e.getMessage());
    }
}
