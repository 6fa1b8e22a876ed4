package deltac.runtime.train;

import deltac.runtime.Model;
import deltac.runtime.Trainer;
import deltac.runtime.data.Dataset;

/**
 * Runs a model over a data set in batches: the mean loss (when there is a trainer) and the accuracy (for a
 * classification set with one output per class). Keeps its buffers between calls, so evaluating after every
 * epoch allocates nothing new.
 */
final class Evaluator {

    private final Model model;
    private final Trainer trainer;
    private final int batchSize;
    private final Batches batches;

    /** @param trainer the same object as model when losses are wanted, else null */
    Evaluator(Model model, Trainer trainer, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.trainer = trainer;
        this.batchSize = batchSize;
        int yRows = trainer != null ? trainer.targetRows() : 0; // predicting alone reads no targets
        this.batches = new Batches(model.precision(), model.inputRows(), yRows, model.outputRows());
    }

    /** Loss and accuracy over {@code order}'s samples of {@code data}. */
    Evaluation run(Dataset data, int[] order) {
        Fit.checkFits(model, data);
        if (trainer != null) {
            Fit.checkTargets(trainer, data);
        }
        boolean scored = hasAccuracy(model, data);
        if (trainer == null && !scored) {
            return new Evaluation(Double.NaN, Double.NaN, order.length); // nothing to measure: skip the forward passes
        }
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            Batches.Batch b = batches.load(data, order, start, n, trainer != null);
            if (trainer != null) {
                lossSum += b.loss(trainer) * n;
            }
            if (scored) {
                b.predict(model);
                for (int j = 0; j < n; j++) {
                    if (b.argmax(j) == data.labels()[order[start + j]]) {
                        correct++;
                    }
                }
            }
        }
        int total = order.length;
        double loss = trainer != null && total > 0 ? lossSum / total : Double.NaN;
        double accuracy = scored && total > 0 ? correct / (double) total : Double.NaN;
        return new Evaluation(loss, accuracy, total);
    }

    /** The predicted class of every sample of {@code data}. */
    int[] labels(Dataset data) {
        Fit.checkFits(model, data);
        if (!hasAccuracy(model, data)) {
            throw new IllegalArgumentException(data.name() + " is not a classification set with the "
                    + model.outputRows() + " classes " + model.name() + " predicts");
        }
        int[] order = Fit.identity(data.size());
        int[] predicted = new int[order.length];
        for (int start = 0; start < order.length; start += batchSize) {
            int n = Math.min(batchSize, order.length - start);
            Batches.Batch b = batches.load(data, order, start, n, false);
            b.predict(model);
            for (int j = 0; j < n; j++) {
                predicted[start + j] = b.argmax(j);
            }
        }
        return predicted;
    }

    /** Accuracy is defined when the model has one output per class: the argmax is the predicted class. */
    static boolean hasAccuracy(Model model, Dataset data) {
        return data.isClassification() && model.outputRows() == data.classes();
    }
}
