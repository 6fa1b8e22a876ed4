package deltac.runtime.train;

import deltac.runtime.Feed;
import deltac.runtime.Model;
import deltac.runtime.OutputKind;
import deltac.runtime.Trainer;
import deltac.runtime.data.FeedSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model over a data set in batches: the mean loss (when there is a trainer), and the prediction measured
 * against the feed the loss compares it with: accuracy for a classifier, RMSE for real values, a confusion matrix
 * on request. Keeps its buffers between calls, so evaluating after every epoch allocates nothing new.
 */
final class Evaluator {

    private final Model model;
    private final Trainer trainer;
    private final int batchSize;
    private final List<Feed> feeds;
    /** Where the compared feed is among {@link #feeds}, or -1. */
    private final int reference;
    private final Batches batches;

    /** @param trainer the same object as model when losses are wanted, else null */
    Evaluator(Model model, Trainer trainer, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.trainer = trainer;
        this.batchSize = batchSize;
        List<Feed> all = new ArrayList<>(trainer != null ? trainer.feeds() : model.inputs());
        String compared = model.comparedWith().orElse(null);
        int at = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).name().equals(compared)) {
                at = k;
            }
        }
        if (at < 0 && compared != null && trainer == null && model instanceof Trainer t) {
            Feed target = t.targets().stream().filter(f -> f.name().equals(compared)).findFirst().orElseThrow();
            all.add(target);
            at = all.size() - 1;
        }
        this.feeds = List.copyOf(all);
        this.reference = model.outputKind() == OutputKind.NONE ? -1 : at;
        this.batches = new Batches(model.precision(), feeds, model.inputs().size(),
                reference >= 0 ? model.outputRows() : 0);
    }

    /** Loss, accuracy and RMSE over {@code order}'s samples of {@code data}. */
    Evaluation run(FeedSet data, int[] order) {
        Scores scores = new Scores(model.outputKind(), model.outputRows(), classes());
        boolean measured = reference >= 0 && holds(data);
        double lossSum = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            Batches.Batch b = batches.load(data, order, start, n);
            if (trainer != null && measured) {
                lossSum += b.lossAndPrediction(trainer) * n;
            } else if (trainer != null) {
                lossSum += b.loss(trainer) * n;
            } else if (measured) {
                b.predict(model);
            }
            if (measured) {
                scores.add(b, reference);
            }
        }
        int total = order.length;
        double loss = trainer != null && total > 0 ? lossSum / total : Double.NaN;
        return new Evaluation(loss, scores.accuracy(), scores.rmse(), total);
    }

    /** The confusion matrix of a classifier on all of {@code data}: {@code [actual][predicted]}. */
    int[][] confusion(FeedSet data) {
        if (reference < 0 || classes() == 0) {
            throw new IllegalArgumentException(model.name() + " is not a classifier: its prediction is "
                    + model.outputKind().name().toLowerCase(java.util.Locale.ROOT));
        }
        Scores scores = new Scores(model.outputKind(), model.outputRows(), classes());
        int[] order = Fit.identity(data.size());
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            Batches.Batch b = batches.load(data, order, start, n);
            b.predict(model);
            scores.add(b, reference);
        }
        return scores.confusion();
    }

    /** Classes of a confusion matrix: a softmax's rows, or 2 for one yes/no output; 0 when not a classifier. */
    private int classes() {
        return switch (model.outputKind()) {
            case CLASSES -> model.outputRows();
            case BINARY -> model.outputRows() == 1 ? 2 : 0;
            case VALUES, NONE -> 0;
        };
    }

    private boolean holds(FeedSet data) {
        return data.feeds().containsAll(feeds);
    }
}
