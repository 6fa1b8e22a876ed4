/**
 * Checkpoints: weights and gradients as <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * files, the format PyTorch and the Hugging Face tools read and write.
 *
 * <p>{@link deltac.runtime.checkpoint.Safetensors} is the entry point: it writes a list of named
 * matrices ({@link deltac.runtime.checkpoint.Tensor}) atomically and reads them back into a
 * {@link deltac.runtime.checkpoint.Checkpoint}, optionally checking every shape against the spec.
 *
 * <p>This package owns every byte of a checkpoint file. The reader trusts nothing: it validates
 * the header length, the JSON header (with its own small, depth-bounded JSON reader, so the
 * runtime needs no JSON library), the dtypes, shapes and offsets, and that the tensors tile the
 * data section exactly, all before it allocates memory for tensor data. Every problem is a
 * {@link deltac.runtime.checkpoint.CheckpointException} with a one-line message naming the file.
 * The writer never leaves a half-written checkpoint behind: a crash or a {@code kill -9} during
 * a save leaves the previous checkpoint intact.
 */
package deltac.runtime.checkpoint;
