package deltac.codegen;

/** How a trainer runs its derivation. */
public enum Engine {
    /** Specialized JVM bytecode, generated for the spec's sizes and loaded as a hidden class: the default. */
    BYTECODE,
    /** The reference interpreter on EJML, float64 inside: the fallback and the oracle. */
    EJML
}
