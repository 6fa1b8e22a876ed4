package deltac.runtime.train;

import java.util.List;

/**
 * What {@link Fit#run} returns: one {@link EpochStats} per epoch run, in order.
 *
 * @param epochs the epochs run; fewer than asked for when training stopped early
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param bestEpoch the epoch (from 1) with the lowest validation loss, or the lowest training loss without
 *     validation; 0 when no epoch had a finite loss. The model holds the <em>last</em> epoch's weights, not this
 *     one's: nothing is restored
 */
public record History(List<EpochStats> epochs, boolean stoppedEarly, int bestEpoch) {

    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's statistics. @throws IllegalStateException when no epoch ran */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch ran");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The training loss per epoch. */
    public double[] trainLosses() {
        return epochs.stream().mapToDouble(EpochStats::trainLoss).toArray();
    }

    /** The validation loss per epoch (NaN where not measured). */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
    }
}
