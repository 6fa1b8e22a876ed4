package deltac.runtime.train;

/**
 * Training produced a NaN or an infinity: the loss of a step, or a parameter's gradient. The message is one line
 * for the user, such as {@code the loss diverged at step 37 (epoch 1): 2.3 → 4.1e+08 → NaN; the learning rate 50 is
 * probably too high, try 5}; the CLI prints it without a stack trace.
 */
public final class NumericsException extends RuntimeException {

    private final long step;
    private final int epoch;
    private final String parameter;

    /**
     * @param step the global step, from 1
     * @param epoch the epoch, from 1
     * @param parameter the parameter whose gradient was non-finite first, or null when all gradients were finite
     */
    public NumericsException(String message, long step, int epoch, String parameter) {
        super(message);
        this.step = step;
        this.epoch = epoch;
        this.parameter = parameter;
    }

    /** The step (from 1, counting across epochs) whose loss or gradients were non-finite. */
    public long step() {
        return step;
    }

    /** The epoch of that step, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The first parameter (in declaration order) with a non-finite gradient at that step, or null if none. */
    public String parameter() {
        return parameter;
    }
}
