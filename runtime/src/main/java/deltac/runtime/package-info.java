/**
 * What an app embeds: the {@link deltac.runtime.Model} and {@link deltac.runtime.Trainer} contracts that
 * generated classes implement, optimizers and the training loop, data sets, checkpoints, and the EJML kernels
 * generated code falls back on. Knows nothing of specs, graphs or bytecode.
 */
package deltac.runtime;
