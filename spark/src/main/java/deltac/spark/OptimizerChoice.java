package deltac.spark;

import deltac.runtime.Optimizer;
import deltac.runtime.train.Adam;
import deltac.runtime.train.Momentum;
import deltac.runtime.train.Schedule;
import deltac.runtime.train.Sgd;
import java.io.Serializable;
import java.util.Locale;

/**
 * Which optimizer, with its settings: a value that can travel to executors (averaging mode builds one per partition
 * and round there), where a runtime {@link Optimizer}, which holds its state, cannot.
 *
 * @param kind sgd, momentum or adam
 * @param momentum momentum's μ (ignored by the others)
 * @param nesterov Nesterov momentum (momentum only)
 */
public record OptimizerChoice(Kind kind, double learningRate, double momentum, boolean nesterov, double weightDecay)
        implements Serializable {

    public enum Kind { SGD, MOMENTUM, ADAM }

    public OptimizerChoice {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    public static OptimizerChoice sgd(double learningRate) {
        return new OptimizerChoice(Kind.SGD, learningRate, 0, false, 0);
    }

    public static OptimizerChoice momentum(double learningRate, double mu) {
        return new OptimizerChoice(Kind.MOMENTUM, learningRate, mu, false, 0);
    }

    public static OptimizerChoice adam(double learningRate) {
        return new OptimizerChoice(Kind.ADAM, learningRate, 0, false, 0);
    }

    /** A fresh optimizer, no state yet; a constant learning rate. */
    public Optimizer create() {
        return switch (kind) {
            case SGD -> new Sgd(learningRate, weightDecay, Schedule.constant());
            case MOMENTUM -> new Momentum(learningRate, momentum, nesterov, weightDecay, Schedule.constant());
            case ADAM -> new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay, false, Schedule.constant());
        };
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + learningRate
                + (kind == Kind.MOMENTUM ? " μ " + momentum + (nesterov ? " nesterov" : "") : "")
                + (weightDecay > 0 ? " weight decay " + weightDecay : "");
    }
}
