/**
 * Training: what turns a {@link deltac.runtime.Trainer} and a {@link deltac.runtime.data.Dataset} into trained
 * weights. Optimizers ({@link deltac.runtime.train.Sgd}, {@link deltac.runtime.train.Momentum},
 * {@link deltac.runtime.train.Adam}) with learning-rate {@link deltac.runtime.train.Schedule}s, the epoch loop
 * ({@link deltac.runtime.train.Fit}) with its {@link deltac.runtime.train.History}, metrics, a numerics guard,
 * progress reporting, parameter {@link deltac.runtime.train.Initializer}s, model
 * {@link deltac.runtime.train.Checkpoints}. Progress bars and loss plots belong to the {@code deltac} command, not here,
 * so an app that embeds the runtime gets EJML and nothing else.
 *
 * <p>The hot path (an optimizer step) allocates nothing after its first call; everything else here runs once per
 * batch or per epoch and favours plain code over speed.
 */
package deltac.runtime.train;
