/**
 * Data-parallel training on Apache Spark: the last hop of the pipeline, a loaded {@code Trainer}, run on every
 * executor. The driver compiles the spec once; the generated class travels to the executors as bytes in a broadcast
 * and is defined once per executor JVM ({@link deltac.spark.TrainerClass}); Spark's own primitives (broadcast,
 * {@code treeAggregate}) move parameters and gradient sums. {@link deltac.spark.SparkFit} is the facade,
 * {@link deltac.spark.Train} the {@code spark-submit} entry point.
 */
package deltac.spark;
