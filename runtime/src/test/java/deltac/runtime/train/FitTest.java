package deltac.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltac.runtime.Precision;
import deltac.runtime.data.Bundled;
import deltac.runtime.data.DataException;
import deltac.runtime.data.FeedSet;
import deltac.runtime.data.Dataset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loop end to end: a hand-written softmax regression learns Iris; a scripted fake checks the bookkeeping. */
class FitTest {

    private static final FitOptions IRIS = FitOptions.defaults().epochs(60).batchSize(16).validationSplit(0.3)
            .trainAccuracy(true).seed(7);

    private static History trainIris(Precision precision, long seed) {
        SoftmaxRegression model = new SoftmaxRegression(precision, 4, 3);
        Checkpoints.initialize(model, Map.of(), Map.of(), seed);
        return Fit.run(model, Bundled.iris(), null, new Adam(0.05), IRIS.seed(seed));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void softmaxRegressionLearnsIris(Precision precision) {
        History h = trainIris(precision, 7);
        assertEquals(60, h.epochs().size());
        assertFalse(h.stoppedEarly());
        EpochStats last = h.last();
        assertTrue(last.validationAccuracy() >= 0.9, "validation accuracy " + last.validationAccuracy());
        assertTrue(last.trainAccuracy() >= 0.9, "training accuracy " + last.trainAccuracy());
        assertTrue(last.trainLoss() < h.epochs().get(0).trainLoss() / 2, "loss fell from "
                + h.epochs().get(0).trainLoss() + " to " + last.trainLoss());
        assertTrue(last.samplesPerSecond() > 0 && last.seconds() > 0);
        assertTrue(h.bestEpoch() >= 1 && h.bestEpoch() <= 60);
    }

    @Test
    void sameSeedGivesBitwiseTheSameCurves() {
        History a = trainIris(Precision.F32, 11);
        History b = trainIris(Precision.F32, 11);
        assertArrayEquals(bits(a.trainLosses()), bits(b.trainLosses()));
        assertArrayEquals(bits(a.validationLosses()), bits(b.validationLosses()));
        assertFalse(Arrays.equals(bits(a.trainLosses()), bits(trainIris(Precision.F32, 12).trainLosses())));
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void evaluateGivesLossAndAccuracy() throws DataException {
        SoftmaxRegression model = new SoftmaxRegression(Precision.F64, 4, 3);
        Checkpoints.initialize(model, Map.of(), Map.of(), 3);
        Fit.run(model, Bundled.iris(), null, new Adam(0.05), FitOptions.defaults().epochs(60).batchSize(16));
        Evaluation e = Fit.evaluate(model, Bundled.iris(), 32);
        assertEquals(150, e.samples());
        assertTrue(e.accuracy() >= 0.9, "accuracy " + e.accuracy());
        assertTrue(e.loss() > 0 && e.loss() < 0.5, "loss " + e.loss());
        FeedSet iris = FeedSet.bind(Bundled.iris(), model);
        assertEquals(e.accuracy(), Fit.evaluate(model, iris, 7).accuracy(), 1e-12); // batch size is irrelevant
        int[][] confusion = Fit.confusion(model, iris, 50);
        assertEquals(e.accuracy(), (confusion[0][0] + confusion[1][1] + confusion[2][2]) / 150.0, 1e-12);
        assertEquals(50, confusion[0][0]); // setosa is linearly separable from the rest
        assertEquals(150, Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum());
    }

    /** Sample i of this set has feature i, so a batch's x is the list of the samples in it. */
    private static Dataset indexed(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return Dataset.regression("indexed", 1, x, new float[n], 1);
    }

    @Test
    void everySampleOnceAnEpochWithTheLastPartialBatch() {
        Scripted t = new Scripted();
        History h = Fit.run(t, indexed(10), null, new Sgd(0.1), FitOptions.defaults().epochs(3).batchSize(4));
        assertEquals(9, t.batches.size()); // 4 + 4 + 2, three times
        for (int epoch = 0; epoch < 3; epoch++) {
            Set<Integer> seen = new HashSet<>();
            for (int b = 0; b < 3; b++) {
                int[] batch = t.batches.get(epoch * 3 + b);
                assertEquals(b < 2 ? 4 : 2, batch.length);
                Arrays.stream(batch).forEach(seen::add);
            }
            assertEquals(10, seen.size());
        }
        assertFalse(Arrays.equals(t.batches.get(0), t.batches.get(3)), "each epoch is shuffled anew");
        assertTrue(Double.isNaN(h.last().validationLoss()) && Double.isNaN(h.last().trainAccuracy()));
    }

    @Test
    void withoutShuffleTheOrderIsTheData() {
        Scripted t = new Scripted();
        Fit.run(t, indexed(5), null, new Sgd(0.1), FitOptions.defaults().epochs(1).batchSize(3).shuffle(false));
        assertArrayEquals(new int[] {0, 1, 2}, t.batches.get(0));
        assertArrayEquals(new int[] {3, 4}, t.batches.get(1));
    }

    @Test
    void trainLossIsTheSampleWeightedMean() {
        Scripted t = new Scripted();
        t.trainLoss = s -> s; // batch losses 1 (4 samples), 2 (4), 3 (2)
        History h = Fit.run(t, indexed(10), null, new Sgd(0.1), FitOptions.defaults().epochs(1).batchSize(4));
        assertEquals((4 * 1 + 4 * 2 + 2 * 3) / 10.0, h.last().trainLoss(), 1e-12);
    }

    @Test
    void validationSplitHoldsOutARandomFractionNeverTrainedOn() {
        Scripted t = new Scripted();
        History h = Fit.run(t, indexed(20), null, new Sgd(0.1),
                FitOptions.defaults().epochs(1).batchSize(100).validationSplit(0.25));
        assertEquals(15, t.batches.get(0).length);
        assertEquals(1.0, h.last().validationLoss());
        int[] trained = t.batches.get(0).clone();
        Arrays.sort(trained);
        assertFalse(Arrays.equals(trained, Fit.identity(15)), "the split is random, not the last quarter");
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        Scripted t = new Scripted();
        double[] validation = {1.0, 0.8, 0.9, 0.7, 0.75, 0.72, 0.6, 0.5, 0.4};
        t.validationLoss = k -> validation[(int) k - 1];
        History h = Fit.run(t, indexed(10), indexed(5), new Sgd(0.1),
                FitOptions.defaults().epochs(9).batchSize(8).patience(2));
        assertTrue(h.stoppedEarly());
        assertEquals(6, h.epochs().size()); // best at 4, then 5 and 6 do not improve
        assertEquals(4, h.bestEpoch());
        assertEquals(0.72, h.last().validationLoss());
    }

    @Test
    void earlyStoppingNeedsValidationData() {
        assertThrows(IllegalArgumentException.class, () -> Fit.run(new Scripted(), indexed(10), null, new Sgd(0.1),
                FitOptions.defaults().patience(2)));
        assertThrows(IllegalArgumentException.class, () -> Fit.run(new Scripted(), indexed(10), indexed(3),
                new Sgd(0.1), FitOptions.defaults().validationSplit(0.2)));
    }

    @Test
    void dataThatDoesNotFitTheModelIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Fit.run(new SoftmaxRegression(Precision.F32, 784, 10),
                Bundled.iris(), null, new Sgd(0.1), FitOptions.defaults()));
        assertEquals("SoftmaxRegression's input x has 784 rows but iris has 4 features per sample", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fit.run(new SoftmaxRegression(Precision.F32, 4, 2),
                Bundled.iris(), null, new Sgd(0.1), FitOptions.defaults()));
        assertEquals("SoftmaxRegression's target y has 2 rows but iris holds labels of 3 classes", e.getMessage());
    }

    @Test
    void progressSeesEveryBatchAndEpoch() {
        List<String> events = new java.util.ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override public void started(int epochs, int batches, int samples) {
                events.add("start " + epochs + " " + batches + " " + samples);
            }
            @Override public void batchDone(int epoch, int batch, double loss, double rate) {
                events.add("batch " + epoch + "." + batch);
            }
            @Override public void epochDone(EpochStats stats, int epochs) {
                events.add("epoch " + stats.epoch() + "/" + epochs);
            }
            @Override public void finished(History history) {
                events.add("end " + history.epochs().size());
            }
        };
        Fit.run(new Scripted(), indexed(5), null, new Sgd(0.1), FitOptions.defaults().epochs(2).batchSize(3).progress(sink));
        assertEquals(List.of("start 2 2 5", "batch 1.1", "batch 1.2", "epoch 1/2", "batch 2.1", "batch 2.2",
                "epoch 2/2", "end 2"), events);
    }
}
