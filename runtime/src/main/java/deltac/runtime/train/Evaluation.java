package deltac.runtime.train;

/**
 * A model measured on a data set by {@link Fit#evaluate}. What was not measured is NaN.
 *
 * @param loss the mean loss per sample; NaN when only a {@link deltac.runtime.Model} (which has no loss) was
 *     evaluated
 * @param accuracy for a classifier, the fraction of samples whose predicted class is their target's (for yes/no
 *     outputs, of answers on the right side of 0.5), in [0, 1]; NaN otherwise
 * @param rmse for real-valued outputs (regression, reconstruction), the root mean square of prediction minus the
 *     value the loss compares it with, over every entry; NaN otherwise
 * @param samples the number of samples evaluated
 */
public record Evaluation(double loss, double accuracy, double rmse, int samples) {

    /** Whether the model was measured as a classifier. */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }
}
