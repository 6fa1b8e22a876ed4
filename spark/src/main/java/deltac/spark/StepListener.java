package deltac.spark;

/** Told on the driver after every synchronization: a step in synchronous mode, a round of local steps when averaging. */
@FunctionalInterface
public interface StepListener {
    /**
     * @param epoch the epoch, counted from 1
     * @param steps global steps done so far in the run
     * @param loss the mean loss of the samples the synchronization covered, each taken before its update
     */
    void stepsDone(int epoch, long steps, double loss);
}
