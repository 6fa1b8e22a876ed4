/**
 * Dense matrix kernels on EJML's row-major matrices: what the reference interpreter computes with and what
 * generated code falls back on. Static, stateless, caller-owned outputs (EJML's convention): each method
 * writes its last argument, reshaping it to the result's shape, and reads the others.
 */
package deltac.runtime.kernels;
