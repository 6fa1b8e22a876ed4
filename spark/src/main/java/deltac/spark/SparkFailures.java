package deltac.spark;

import deltac.runtime.data.DataException;

/**
 * Turns a failed Spark job back into deltac's one line. A task's exception reaches the driver as the cause of a
 * {@code SparkException} whose message holds the task's whole stack trace; the deltac exception inside it is what the
 * user needs to read.
 */
final class SparkFailures {
    private SparkFailures() {}

    /** The deltac exception in {@code failure}'s causes, or {@code failure} itself when there is none. */
    static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TrainingDataException e) {
                return new TrainingDataException(e.getMessage(), failure);
            }
            if (t instanceof DataException e) {
                return new TrainingDataException(e.getMessage(), failure);
            }
        }
        return failure;
    }
}
