package deltac.runtime.train;

/**
 * A model measured on a data set by {@link Fit#evaluate}.
 *
 * @param loss the mean loss per sample, or NaN when only a {@link deltac.runtime.Model} (which has no loss) was
 *     evaluated
 * @param accuracy the fraction of samples whose largest output is their label, in [0, 1]; NaN for regression
 * @param samples the number of samples evaluated
 */
public record Evaluation(double loss, double accuracy, int samples) {}
