package deltac.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/** Samples to cached {@link Shard}s, one per partition, each sample numbered by its place in the data. */
final class Shards {
    private Shards() {}

    /**
     * The shards of {@code samples}, checked against the feeds and cached (a lost executor's shards are rebuilt from
     * the samples' lineage), with their total size.
     */
    static Cached of(JavaRDD<float[][]> samples, FeedShapes feeds) {
        JavaRDD<Shard> shards = samples.zipWithIndex()
                .mapPartitions(part -> List.of(Shard.of(part, feeds)).iterator())
                .persist(StorageLevel.MEMORY_ONLY());
        long size;
        try {
            size = shards.map(shard -> (long) shard.size()).fold(0L, Long::sum);
        } catch (Exception e) { // SparkException is checked in Java's eyes, thrown by Scala unchecked
            shards.unpersist(false);
            throw SparkFailures.unwrap(e);
        }
        if (size == 0 || size > Integer.MAX_VALUE) {
            throw new TrainingDataException("the data for " + feeds.model() + " has " + size
                    + " samples; training takes 1 to " + Integer.MAX_VALUE);
        }
        return new Cached(shards, (int) size);
    }

    record Cached(JavaRDD<Shard> shards, int size) {}
}
