package deltac.runtime;

/** What a model's prediction is, which decides how it is measured. */
public enum OutputKind {
    /** Class probabilities (a softmax under cross-entropy): the predicted class is the largest row. */
    CLASSES,
    /** Probabilities of independent yes/no answers (a sigmoid under binary cross-entropy): yes at 0.5 and above. */
    BINARY,
    /** Real values (regression, a reconstruction): measured by the loss and the RMSE. */
    VALUES,
    /** No per-sample prediction: the loss is not a function of a prediction with a column per sample. */
    NONE
}
