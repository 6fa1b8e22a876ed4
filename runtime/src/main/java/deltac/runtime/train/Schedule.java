package deltac.runtime.train;

/**
 * The learning rate as a function of the step: an optimizer asks its schedule before every step, passing its base
 * rate and the number of steps already taken (0 before the first). Calling a schedule allocates nothing.
 *
 * <pre>{@code
 * Optimizer adam = new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, Schedule.cosine(10_000, 1e-5));
 * }</pre>
 */
@FunctionalInterface
public interface Schedule {

    /** The rate for the step after {@code step} steps, given the optimizer's base rate. */
    double rate(double baseRate, long step);

    /** The base rate throughout. */
    static Schedule constant() {
        return (baseRate, step) -> baseRate;
    }

    /**
     * The base rate times {@code gamma} once per {@code everySteps} steps, as PyTorch's {@code StepLR}:
     * {@code base · gamma^⌊step / everySteps⌋}.
     */
    static Schedule step(long everySteps, double gamma) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("a step schedule needs everySteps > 0, got " + everySteps);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("a step schedule needs a finite gamma > 0, got " + gamma);
        }
        return (baseRate, step) -> baseRate * Math.pow(gamma, (double) (step / everySteps));
    }

    /**
     * Cosine annealing from the base rate down to {@code minRate} over {@code totalSteps} steps, then
     * {@code minRate}: {@code min + (base − min) · (1 + cos(π · step / total)) / 2}, as PyTorch's
     * {@code CosineAnnealingLR} without restarts.
     */
    static Schedule cosine(long totalSteps, double minRate) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("a cosine schedule needs totalSteps > 0, got " + totalSteps);
        }
        if (!(minRate >= 0) || Double.isInfinite(minRate)) {
            throw new IllegalArgumentException("a cosine schedule needs a finite minRate >= 0, got " + minRate);
        }
        return (baseRate, step) -> {
            double progress = Math.min(step, totalSteps) / (double) totalSteps;
            return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * progress)) / 2;
        };
    }
}
