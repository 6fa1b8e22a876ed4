/**
 * The reference interpreter: evaluates any nodes of the IR in float64 on the runtime's EJML kernels. It
 * defines what every op means; the generated code and the EJML engine are tested against it.
 */
package deltac.graph.interp;
