/**
 * The engines that turn a {@link deltac.autodiff.Derivation} into a {@link deltac.runtime.Trainer}, and the
 * {@link deltac.codegen.Compiler} facade over them.
 */
package deltac.codegen;
