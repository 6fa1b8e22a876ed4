package deltac.bench;

import java.util.Locale;

/**
 * One way of training a workload: bench/run.sh times each, and the JMH benchmarks time the Java ones.
 *
 * <p>{@link #reset} loads the shared initial weights; {@link #step} trains on step {@code s}'s batch of the shared
 * order (its samples prepared by {@link #prepare}, outside the timing) and returns that batch's loss before the
 * update; {@link #evalLoss} is the mean cross-entropy on the evaluation samples; {@link #infer} predicts a batch.
 */
public interface Contestant {
    /** The name in the table. */
    String title();

    /** Threads its arithmetic may use, for the table. */
    default String threads() {
        return "1";
    }

    /** Anything worth printing beside the figures (the kernel, the library's version). */
    default String details() {
        return "";
    }

    /** Builds the network and this contestant's copy of every batch of an epoch, in its own layout. */
    void prepare(BenchData data) throws Exception;

    /** The parameters back to the shared initial weights. */
    void reset();

    /** One SGD step on the batch of step {@code s}; returns its loss before the update. */
    double step(int s);

    /** The mean cross-entropy of the evaluation samples with the current weights. */
    double evalLoss();

    /**
     * A prediction, the forward pass alone: the softmax probabilities of step {@code s}'s batch with the current
     * weights. Returns a number read from them, so that nothing is optimized away.
     */
    double infer(int s);

    /** The contestants bench/run.sh knows, by their command-line name. */
    static Contestant of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "deltac" -> new DeltacContestant(deltac.codegen.Engine.BYTECODE, false);
            case "deltac-loop" -> new DeltacContestant(deltac.codegen.Engine.BYTECODE, true);
            case "deltac-ejml" -> new DeltacContestant(deltac.codegen.Engine.EJML, false);
            case "hand-ejml" -> new HandEjml();
            case "hand-loops" -> new HandLoops();
            case "dl4j" -> new Dl4jContestant();
            default -> throw new IllegalArgumentException(
                    "no contestant " + name + " (deltac, deltac-loop, deltac-ejml, hand-ejml, hand-loops, dl4j)");
        };
    }
}
