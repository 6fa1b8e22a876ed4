package deltac.spark;

import deltac.runtime.Trainer;
import deltac.runtime.train.History;

/**
 * What {@link SparkFit} hands back.
 *
 * @param trainer a driver-side trainer holding the trained parameters: evaluate it, save it, keep training it
 * @param history per epoch: the training loss, validation loss and accuracy (when validation data was given), the
 *     samples per second and the seconds
 * @param synchronizations how many times the partitions synchronized (steps, or rounds when averaging)
 * @param secondsPerSynchronization mean wall time of one: broadcast, the partitions' work, the combined sums back
 */
public record SparkFitResult(Trainer trainer, History history, long synchronizations, double secondsPerSynchronization) {}
