package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: on the tests' cluster in this JVM, and through Spark's own spark-submit in a child JVM. */
class TrainIT {
    @TempDir
    Path dir;

    static final String EXAMPLES = System.getProperty("deltac.examples", "../examples");

    @Test
    void trainsACsvFileOnTheCluster() {
        Run run = inProcess(EXAMPLES + "/logistic_regression.java", "--data", EXAMPLES + "/data/setosa.csv",
                "--epochs", "2", "--batch", "50", "--partitions", "2");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("epoch 2: loss "), run.out);
        assertTrue(run.out.contains("6 synchronizations"), run.out);
    }

    @Test
    void readsAnIdxPairGivenByAbsolutePaths() throws Exception {
        Path images = dir.resolve("mnist10k-images-idx3-ubyte.gz");
        Path labels = dir.resolve("mnist10k-labels-idx1-ubyte.gz");
        for (Path file : List.of(images, labels)) {
            try (InputStream in = deltac.runtime.data.Bundled.class.getResourceAsStream("/deltac/data/" + file.getFileName())) {
                Files.copy(in, file);
            }
        }
        Run run = inProcess(EXAMPLES + "/mnist_mlp.java", "--data", images.toAbsolutePath() + ":" + labels.toAbsolutePath(),
                "--epochs", "1", "--batch", "2000", "--partitions", "2");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("5 synchronizations"), run.out); // 10,000 digits in batches of 2,000
    }

    @Test
    void readsAParquetTableOnTheExecutors() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            float[] y = new float[10];
            y[i % 10] = 1;
            rows.add(RowFactory.create(new float[784], y));
        }
        String table = dir.resolve("digits.parquet").toString();
        LocalCluster.session().createDataFrame(rows, BadInputIT.XY).repartition(2).write().parquet(table);
        Run run = inProcess(EXAMPLES + "/mnist_mlp.java", "--data", table, "--epochs", "1", "--batch", "32");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("training MnistMlp on " + table), run.out);
        assertTrue(run.out.contains("2 synchronizations"), run.out);
    }

    @Test
    void dataThatDoesNotFitTheSpecIsOneLineAndExitOne() {
        Run run = inProcess(EXAMPLES + "/mnist_mlp.java", "--data", EXAMPLES + "/data/setosa.csv");
        assertEquals(1, run.code);
        assertEquals("MnistMlp's input x has 784 rows but " + EXAMPLES + "/data/setosa.csv has 4 features per sample\n",
                run.err);
    }

    @Test
    void aMissingDataFlagIsAUsageError() {
        Run run = inProcess(EXAMPLES + "/mnist_mlp.java");
        assertEquals(2, run.code);
        assertTrue(run.err.startsWith("give --data\nusage: spark-submit --class deltac.spark.Train"), run.err);
    }

    @Test
    void sparkSubmitRunsTheShadedJarOnItsOwnCluster() throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        Path weights = dir.resolve("w.safetensors");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Ddeltac.simd=false",
                "-cp", sparkHome + "/jars/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", "local-cluster[1,1,1024]", "--conf", "spark.executor.memory=768m",
                "--conf", "spark.ui.enabled=false", "--class", "deltac.spark.Train",
                System.getProperty("deltac.spark.jar"),
                EXAMPLES + "/two_inputs.java", "--data", EXAMPLES + "/data/iris_two_inputs.safetensors",
                "--epochs", "2", "--batch", "40", "--save", weights.toString()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit finished");
        String printed = Files.readString(out);
        assertEquals(0, p.exitValue(), printed + Files.readString(err));
        assertTrue(printed.contains("training TwoInputs on " + EXAMPLES + "/data/iris_two_inputs.safetensors with Spark 4.2.0"),
                printed);
        assertTrue(printed.contains("epoch 2: loss "), printed);
        assertTrue(Files.size(weights) > 0);
    }

    record Run(int code, String out, String err) {}

    static Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Train.run(LocalCluster.session(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
