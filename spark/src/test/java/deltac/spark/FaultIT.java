package deltac.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.graph.Graph;
import deltac.runtime.Trainer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;

/**
 * An executor JVM killed with SIGKILL in the middle of an epoch: Spark reruns its tasks elsewhere (rebuilding the
 * shard it cached from the samples' lineage) and synchronous training ends with the parameters of an undisturbed run.
 */
class FaultIT {
    @Test
    void anExecutorKilledMidEpochLeavesTheTrainedParametersAsTheyWouldBe() throws Exception {
        JavaSparkContext spark = LocalCluster.spark();
        LocalCluster.awaitExecutors(2);
        Graph net = SynchronousIT.mnistMlp();
        Trainer shape = TrainerClass.compile(net).newTrainer();
        SparkFitOptions options = SparkFitOptions.defaults().epochs(2).batchSize(SynchronousIT.BATCH).seed(3)
                .optimizer(OptimizerChoice.adam(0.005));

        List<Tensor> undisturbed = SparkFit.run(net, SparkFit.samples(spark, SynchronousIT.digits(shape), 2), options)
                .trainer().parameters();

        AtomicInteger removed = new AtomicInteger();
        AtomicInteger failedTasks = new AtomicInteger();
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
                removed.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd event) {
                if (!event.taskInfo().successful()) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        AtomicInteger killed = new AtomicInteger();
        StepListener killAtStep10 = (epoch, steps, loss) -> {
            if (steps == 10) { // of 20 in the first epoch
                List<ProcessHandle> executors = LocalCluster.executorProcesses();
                assertEquals(2, executors.size(), "two executor JVMs before the kill");
                assertTrue(executors.get(0).destroyForcibly(), "SIGKILL sent"); // what kill -9 does
                killed.incrementAndGet();
            }
        };
        List<Tensor> disturbed = SparkFit.run(net, SparkFit.samples(spark, SynchronousIT.digits(shape), 2),
                options.listener(killAtStep10)).trainer().parameters();

        assertEquals(1, killed.get());
        assertTrue(removed.get() >= 1, "Spark saw the executor go");
        System.out.printf("after the kill: %d executor(s) removed, %d task(s) failed and rerun%n", removed.get(),
                failedTasks.get());
        for (int k = 0; k < undisturbed.size(); k++) {
            assertArrayEquals(undisturbed.get(k).f32(), disturbed.get(k).f32(), undisturbed.get(k).name());
        }
        LocalCluster.awaitExecutors(2); // the worker starts a new executor: leave the cluster whole
    }
}
