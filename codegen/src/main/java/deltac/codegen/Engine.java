package deltac.codegen;

/** How a trainer runs its derivation. */
public enum Engine {
    /** The reference interpreter on EJML, float64 inside: the fallback and the oracle. */
    EJML
}
