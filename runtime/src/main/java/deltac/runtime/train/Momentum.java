package deltac.runtime.train;

/**
 * Gradient descent with momentum, as PyTorch's {@code SGD(momentum=μ, dampening=0)}:
 * {@code g ← g + λ·p; b ← μ·b + g; p ← p − η·b}, or with Nesterov's correction {@code p ← p − η·(g + μ·b)}.
 * The buffer b starts at zero, so the first step moves by η·g as in PyTorch.
 *
 * <pre>{@code
 * Optimizer opt = new Momentum(0.05, 0.9, true);
 * }</pre>
 */
public final class Momentum extends BaseOptimizer {

    private final double mu;
    private final boolean nesterov;

    /** Constant rate, no weight decay. */
    public Momentum(double learningRate, double mu, boolean nesterov) {
        this(learningRate, mu, nesterov, 0, Schedule.constant());
    }

    /**
     * @param mu the momentum μ, in [0, 1)
     * @param nesterov whether to apply Nesterov's correction
     * @param weightDecay λ, the L2 coefficient added to the gradient (0 for none)
     * @param schedule the rate per step, from {@code learningRate}
     */
    public Momentum(double learningRate, double mu, boolean nesterov, double weightDecay, Schedule schedule) {
        super(learningRate, weightDecay, schedule);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("the momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
        this.nesterov = nesterov;
    }

    @Override
    int slots() {
        return 1;
    }

    @Override
    void update(float[] p, float[] g, float[] b, float[] unused, double lr, long t) {
        double wd = weightDecay;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + wd * p[i];
            float bi = (float) (mu * b[i] + gi);
            b[i] = bi;
            p[i] = (float) (p[i] - lr * (nesterov ? gi + mu * bi : bi));
        }
    }

    @Override
    void update(double[] p, double[] g, double[] b, double[] unused, double lr, long t) {
        double wd = weightDecay;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + wd * p[i];
            double bi = mu * b[i] + gi;
            b[i] = bi;
            p[i] -= lr * (nesterov ? gi + mu * bi : bi);
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr " + baseLearningRate() + ", μ " + mu + (nesterov ? ", Nesterov" : "")
                + (weightDecay > 0 ? ", weight decay " + weightDecay : "") + ")";
    }
}
