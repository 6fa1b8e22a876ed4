package deltac.runtime.train;

/**
 * What one epoch of {@link Fit#run} measured. Values that were not measured are NaN.
 *
 * @param epoch the epoch, counted from 1
 * @param trainLoss the mean loss over the epoch's training samples, each batch's loss taken before its update
 * @param trainAccuracy the accuracy on the training samples after the epoch, or NaN (see
 *     {@link FitOptions#trainAccuracy()})
 * @param validationLoss the mean loss on the validation samples after the epoch, or NaN without validation data
 * @param validationAccuracy the validation accuracy after the epoch, or NaN (no validation data, or regression)
 * @param samplesPerSecond training samples per second of the epoch's training steps (not counting validation)
 * @param seconds the whole epoch's wall time, validation included
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double samplesPerSecond, double seconds) {

    /** Whether validation loss was measured. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
