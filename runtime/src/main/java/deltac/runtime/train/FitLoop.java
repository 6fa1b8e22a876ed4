package deltac.runtime.train;

import deltac.runtime.Optimizer;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One {@link Fit#run}: the epoch loop and its bookkeeping, once the data is split and checked. */
final class FitLoop {

    private final Trainer trainer;
    private final Optimizer optimizer;
    private final FitOptions options;
    private final SplittableRandom shuffleRandom;
    private final ProgressSink progress;
    private final NumericsGuard guard = new NumericsGuard();
    private final Batches batches;
    private final Evaluator validator;
    private final Evaluator scorer; // training accuracy: predictions only
    private long step;
    private GatheredAhead gatheredAhead; // made on the first epoch that needs it

    FitLoop(Trainer trainer, Optimizer optimizer, FitOptions options, SplittableRandom shuffleRandom) {
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.options = options;
        this.shuffleRandom = shuffleRandom;
        this.progress = options.progress();
        this.batches = new Batches(trainer.precision(), trainer.feeds(), trainer.inputs().size(), 0);
        this.validator = new Evaluator(trainer, trainer, options.batchSize());
        this.scorer = new Evaluator(trainer, null, options.batchSize());
    }

    History run(FeedSet train, int[] trainOrder, FeedSet validation, int[] validationOrder) {
        int batchSize = options.batchSize();
        int batchCount = (trainOrder.length + batchSize - 1) / batchSize;
        List<EpochStats> epochs = new ArrayList<>();
        boolean stoppedEarly = false;
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        int[] order = trainOrder.clone();
        progress.started(options.epochs(), batchCount, trainOrder.length);
        try {
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                EpochStats stats = epoch(epoch, train, order, trainOrder, validation, validationOrder);
                epochs.add(stats);
                progress.epochDone(stats, options.epochs());
                double watched = stats.hasValidation() ? stats.validationLoss() : stats.trainLoss();
                if (watched < bestLoss) { // NaN never improves
                    bestLoss = watched;
                    best = epoch;
                }
                if (options.patience() > 0 && epoch - best >= options.patience() && epoch < options.epochs()) {
                    stoppedEarly = true;
                    break;
                }
            }
        } finally {
            progress.finished(new History(epochs, stoppedEarly, best));
        }
        return new History(epochs, stoppedEarly, best);
    }

    private EpochStats epoch(int epoch, FeedSet train, int[] order, int[] trainOrder, FeedSet validation,
                             int[] validationOrder) {
        long start = System.nanoTime();
        if (options.shuffle()) {
            Fit.shuffle(order, shuffleRandom); // continues from last epoch's order: reproducible from the seed
        }
        int batchSize = options.batchSize();
        double lossSum = 0;
        int seen = 0;
        int batch = 0;
        StepRate rate = new StepRate(start);
        GatheredAhead ahead = GatheredAhead.pays(train, batchSize) ? gathered(train) : null;
        for (int first = 0; first < order.length; first += batchSize) {
            int n = Math.min(batchSize, order.length - first);
            Batches.Batch b = ahead != null ? ahead.load(batches, train, order, first, n)
                    : batches.load(train, order, first, n);
            double learningRate = optimizer.learningRate();
            double loss = b.step(trainer, optimizer);
            step++;
            if (options.checkNumerics()) {
                guard.check(loss, trainer, step, epoch, learningRate);
            }
            lossSum += loss * n; // losses are batch means: weight by the batch's size
            seen += n;
            batch++;
            progress.batchDone(epoch, batch, lossSum / seen, rate.after(batch, seen, first + n >= order.length));
        }
        double trainSeconds = seconds(start);
        double trainAccuracy = options.trainAccuracy() ? scorer.run(train, trainOrder).accuracy() : Double.NaN;
        Evaluation val = validation == null ? null : validator.run(validation, validationOrder);
        return new EpochStats(epoch, lossSum / seen, trainAccuracy,
                val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                seen / trainSeconds, seconds(start));
    }

    /** The gatherer for {@code train}, made once per run, emptied each epoch. */
    private GatheredAhead gathered(FeedSet train) {
        if (gatheredAhead == null) {
            gatheredAhead = new GatheredAhead(train);
        }
        gatheredAhead.startEpoch();
        return gatheredAhead;
    }

    private static double seconds(long startNanos) {
        return Math.max(System.nanoTime() - startNanos, 1) / 1e9;
    }
}
