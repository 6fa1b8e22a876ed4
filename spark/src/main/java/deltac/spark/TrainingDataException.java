package deltac.spark;

/**
 * Data that does not fit the spec, or cannot be read, found on the driver or inside a task. Its message is one line
 * in deltac's words; {@link SparkFailures} digs it out of the Spark exception that carries it back to the driver.
 */
public final class TrainingDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }

    public TrainingDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
