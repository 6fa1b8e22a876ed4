package deltac.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One real cluster for all the cluster tests: Spark's {@code local-cluster} master, two workers with one core each,
 * every executor its own JVM started from {@code SPARK_HOME/jars} (the build copies Spark's jars there) with the
 * shaded deltac-spark jar, and nothing else of deltac, on its class path.
 */
final class LocalCluster {
    private static SparkSession session;

    private LocalCluster() {}

    static synchronized JavaSparkContext spark() {
        if (session == null) {
            Path jar = Path.of(System.getProperty("deltac.spark.jar", "target/deltac-spark.jar"));
            if (!Files.isRegularFile(jar) || System.getenv("SPARK_HOME") == null) {
                throw new IllegalStateException("run the cluster tests with mvn verify: they need " + jar
                        + " and SPARK_HOME (the failsafe plugin sets both)");
            }
            session = SparkSession.builder()
                    .master("local-cluster[2,1,1024]")
                    .appName("deltac cluster tests")
                    .config("spark.jars", jar.toAbsolutePath().toString())
                    .config("spark.executor.memory", "768m")
                    .config("spark.executor.extraJavaOptions", "-Ddeltac.simd=false") // as the driver: see the pom
                    .config("spark.ui.enabled", "false")
                    .config("spark.task.maxFailures", "2") // a bad-input test need not fail four times; a kill costs one
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
            awaitExecutors(2);
        }
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    static SparkSession session() {
        spark();
        return session;
    }

    /** The executors' JVMs: children of this one, each running Spark's executor backend. */
    static List<ProcessHandle> executorProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(
                        "org.apache.spark.executor.CoarseGrainedExecutorBackend")).orElse(false))
                .toList();
    }

    /** Waits until {@code count} executors have registered, so every test starts on the whole cluster. */
    static void awaitExecutors(int count) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (session.sparkContext().getExecutorMemoryStatus().size() < count + 1) { // the driver counts too
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster's executors did not start within 2 minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
