/**
 * Data sets: the in-memory {@link deltac.runtime.data.Dataset}, the readers that build one from
 * files ({@link deltac.runtime.data.Idx} for MNIST's IDX format, {@link deltac.runtime.data.Csv}
 * for comma-separated tables) and the data sets bundled in the jar
 * ({@link deltac.runtime.data.Bundled}: a 10,000-digit MNIST subset and Iris).
 *
 * <p>This package owns every byte of input data that reaches training: readers validate their
 * input completely and report problems as a {@link deltac.runtime.data.DataException} whose
 * one-line message names the file and the line or byte offset, because users never see a stack
 * trace. Everything downstream may assume a {@code Dataset} is well formed.
 */
package deltac.runtime.data;
