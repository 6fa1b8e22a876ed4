package deltac.spark;

import deltac.runtime.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Averaging mode's optimizers, one per partition, kept in the executor that trains the partition from round to
 * round, so momentum and Adam's moments carry on as they would on one machine (restarting them every round costs
 * accuracy: Adam's first bias-corrected steps are large). A partition rerun on another executor starts a fresh one:
 * its state is a cache, not something the result depends on exactly.
 */
final class LocalOptimizers {
    private LocalOptimizers() {}

    private static final Map<String, Optimizer> BY_RUN_AND_PARTITION = new ConcurrentHashMap<>();

    static Optimizer of(String run, int partition, OptimizerChoice choice) {
        return BY_RUN_AND_PARTITION.computeIfAbsent(run + "/" + partition, key -> choice.create());
    }

    /** Drops this executor's optimizers of a finished run. */
    static void forget(String run) {
        BY_RUN_AND_PARTITION.keySet().removeIf(key -> key.startsWith(run + "/"));
    }
}
