package deltac.runtime.train;

import deltac.runtime.data.FeedSet;

/**
 * Narrow samples, gathered a chunk ahead of batches too small to overlap their own cache misses. A batch of one
 * sample of a few floats, read at a shuffled position of a data set larger than the caches, waits a memory latency
 * before its step can start, and the step cannot hide it: at Iris's 4-8-3 that doubled the time of a step. The
 * batch copy overlaps the misses of its own samples (it moves eight at a time), so larger batches, and wide
 * samples, which the prefetcher streams, are read in place.
 */
final class GatheredAhead {
    /** Below this batch size a batch cannot overlap its own samples' misses. */
    static final int SMALL_BATCH = 8;
    /** Samples of at most this many floats (over all feeds) are gathered. */
    static final int NARROW = 64;
    /** Samples gathered at once: 256 KB at the widest. */
    static final int CHUNK = 1024;

    private final FeedSet staged;
    private final int[] identity = Fit.identity(CHUNK);
    private int from = -1;
    private int count;

    /** Whether gathering pays for batches of {@code batchSize} from {@code data}. */
    static boolean pays(FeedSet data, int batchSize) {
        return batchSize < SMALL_BATCH && data.sampleWidth() <= NARROW && data.size() > CHUNK;
    }

    GatheredAhead(FeedSet data) {
        staged = data.blank(CHUNK, data.name() + " (gathered)");
    }

    /** Forgets what was gathered: the order is about to change. */
    void startEpoch() {
        from = -1;
    }

    /** The batch of samples {@code order[start .. start + n)}, from the chunk gathered ahead. */
    Batches.Batch load(Batches batches, FeedSet data, int[] order, int start, int n) {
        if (from < 0 || start < from || start + n > from + count) {
            from = start;
            count = Math.min(CHUNK, order.length - start);
            data.gather(order, start, count, staged);
        }
        return batches.load(staged, identity, start - from, n);
    }
}
