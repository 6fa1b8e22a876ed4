package deltac.spark;

import deltac.runtime.data.DataException;

/**
 * Turns a failed Spark job back into deltac's one line. A task's exception reaches the driver as a
 * {@code SparkException} ("Job aborted due to stage failure: ... most recent failure: ...") whose message holds the
 * task's whole stack trace, and, when the task's exception could be deserialized, as its cause; the deltac message
 * inside is what the user needs to read.
 */
final class SparkFailures {
    private SparkFailures() {}

    private static final String[] DELTAC_EXCEPTIONS = {
        TrainingDataException.class.getName() + ": ", DataException.class.getName() + ": "};

    /** The deltac failure in {@code failure}, or {@code failure} itself (unchecked) when there is none. */
    static RuntimeException unwrap(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TrainingDataException || t instanceof DataException) {
                return new TrainingDataException(firstLine(t.getMessage()), failure);
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            for (String name : DELTAC_EXCEPTIONS) {
                int at = message.indexOf(name);
                if (at >= 0) {
                    return new TrainingDataException(firstLine(message.substring(at + name.length())), failure);
                }
            }
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
