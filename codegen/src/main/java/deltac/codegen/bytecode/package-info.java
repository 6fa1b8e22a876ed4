/**
 * The bytecode engine: a derivation lowered to kernels ({@link deltac.codegen.bytecode.Lowering}), kernels
 * expanded to a small loop-level IR ({@link deltac.codegen.bytecode.Loops}), and that IR emitted as JVM
 * bytecode with ASM ({@link deltac.codegen.bytecode.AsmEmitter}, or {@link deltac.codegen.bytecode.SplitEmitter} over
 * several classes for a network too large for one) or printed as Java source for review
 * ({@link deltac.codegen.bytecode.JavaEmitter}); then verified and loaded ({@link deltac.codegen.bytecode.BytecodeCompiler}).
 */
package deltac.codegen.bytecode;
