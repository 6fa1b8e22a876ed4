package deltac.runtime;

/** The floating-point type a trainer computes in. */
public enum Precision {
    /** float: the default for training. */
    F32,
    /** double: for gradient checks and as the reference. */
    F64
}
