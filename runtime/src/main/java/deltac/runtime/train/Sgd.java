package deltac.runtime.train;

/**
 * Plain stochastic gradient descent, as PyTorch's {@code SGD} without momentum:
 * {@code g ← g + λ·p; p ← p − η·g}, with η from the schedule and λ the weight decay (L2).
 *
 * <pre>{@code
 * trainer.step(x, y, n, new Sgd(0.1));
 * }</pre>
 */
public final class Sgd extends BaseOptimizer {

    /** Constant rate {@code learningRate}, no weight decay. */
    public Sgd(double learningRate) {
        this(learningRate, 0, Schedule.constant());
    }

    /**
     * @param weightDecay λ, the L2 coefficient added to the gradient (0 for none)
     * @param schedule the rate per step, from {@code learningRate}
     */
    public Sgd(double learningRate, double weightDecay, Schedule schedule) {
        super(learningRate, weightDecay, schedule);
    }

    @Override
    int slots() {
        return 0;
    }

    @Override
    void update(float[] p, float[] g, float[] s0, float[] s1, double lr, long t) {
        // in float, as PyTorch does for float32 parameters: C2 vectorizes these loops, not a round trip to double
        float rate = (float) lr;
        if (weightDecay == 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] -= rate * g[i];
            }
        } else {
            float wd = (float) weightDecay;
            for (int i = 0; i < p.length; i++) {
                p[i] -= rate * (g[i] + wd * p[i]);
            }
        }
    }

    @Override
    void update(double[] p, double[] g, double[] s0, double[] s1, double lr, long t) {
        double wd = weightDecay;
        for (int i = 0; i < p.length; i++) {
            p[i] -= lr * (g[i] + wd * p[i]);
        }
    }

    @Override
    public String toString() {
        return "Sgd(lr " + baseLearningRate() + (weightDecay > 0 ? ", weight decay " + weightDecay : "") + ")";
    }
}
