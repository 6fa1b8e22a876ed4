/**
 * Standalone scoring classes: a spec's prediction, with its trained weights, as a class that needs nothing but
 * {@code java.base} (H2O's POJOs are the precedent). {@link deltac.codegen.standalone.Standalone} is the facade:
 * {@link deltac.codegen.standalone.ScorerSource} writes the class as Java source, a straight line of calls to small
 * loop routines over preallocated buffers, split into methods under the JIT's limit;
 * {@link deltac.codegen.standalone.ScorerCompiler} compiles it in memory and verifies the bytes.
 */
package deltac.codegen.standalone;
