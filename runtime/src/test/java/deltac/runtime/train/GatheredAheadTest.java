package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Feed;
import deltac.runtime.Precision;
import deltac.runtime.data.FeedSet;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GatheredAheadTest {

    private static final List<Feed> FEEDS = List.of(new Feed("x", 4), new Feed("y", 3));

    /** 2,500 samples whose every value says which sample and row it is. */
    private static FeedSet numbered() {
        int size = 2_500;
        float[][] values = new float[FEEDS.size()][];
        for (int k = 0; k < values.length; k++) {
            int rows = FEEDS.get(k).rows();
            values[k] = new float[size * rows];
            for (int i = 0; i < values[k].length; i++) {
                values[k][i] = k * 1e5f + i;
            }
        }
        return new FeedSet("numbered", size, FEEDS, values, List.of());
    }

    @Test
    void batchesFromTheGatheredChunkEqualBatchesReadInPlaceAcrossChunksAndEpochs() {
        FeedSet data = numbered();
        // the training part of a split: 1,000 samples of 2,500, so one chunk holds an epoch; then all of them
        for (int[] order : new int[][] {Arrays.copyOf(Fit.identity(data.size()), 1_000), Fit.identity(data.size())}) {
            checkEpochs(data, order);
        }
    }

    private static void checkEpochs(FeedSet data, int[] order) {
        SplittableRandom random = new SplittableRandom(5);
        GatheredAhead ahead = new GatheredAhead(data);
        Batches gathered = new Batches(Precision.F32, FEEDS, 1, 0);
        Batches inPlace = new Batches(Precision.F32, FEEDS, 1, 0);
        for (int epoch = 0; epoch < 3; epoch++) {
            Fit.shuffle(order, random); // the same array, reshuffled: a chunk of the last epoch must not be reused
            ahead.startEpoch();
            for (int first = 0; first < order.length; first += 3) {
                int n = Math.min(3, order.length - first);
                float[][] want = copy(inPlace.load(data, order, first, n).f32);
                float[][] got = copy(ahead.load(gathered, data, order, first, n).f32);
                for (int k = 0; k < FEEDS.size(); k++) {
                    assertArrayEquals(want[k], got[k], "epoch " + epoch + ", batch at " + first + ", feed " + k);
                }
            }
        }
    }

    @Test
    void onlySmallBatchesOfNarrowSamplesFromLargeSetsAreGathered() {
        FeedSet data = numbered();
        assertTrue(GatheredAhead.pays(data, 1));
        assertFalse(GatheredAhead.pays(data, GatheredAhead.SMALL_BATCH), "a batch of 8 overlaps its own misses");
        assertFalse(GatheredAhead.pays(data.pick(Fit.identity(GatheredAhead.CHUNK), "small"), 1), "it fits the caches");
        FeedSet wide = new FeedSet("wide", 2_000, List.of(new Feed("x", 65)), new float[1][2_000 * 65], List.of());
        assertFalse(GatheredAhead.pays(wide, 1), "the prefetcher streams a wide sample");
    }

    private static float[][] copy(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            out[k] = arrays[k].clone();
        }
        return out;
    }
}
