package deltac.runtime.train;

/**
 * Adam (Kingma and Ba, 2015) with bias correction, computed as PyTorch's {@code Adam} does. At step t:
 * <pre>
 * g ← g + λ·p                          (L2 weight decay; or, decoupled as AdamW: p ← p·(1 − η·λ))
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <pre>{@code
 * Optimizer adam = new Adam(1e-3);                     // β₁ 0.9, β₂ 0.999, ε 1e-8
 * Optimizer adamW = Adam.adamW(1e-3, 1e-2);            // decoupled weight decay
 * }</pre>
 */
public final class Adam extends BaseOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean decoupled;

    /** PyTorch's defaults: β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay, constant rate. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /** No weight decay, constant rate. */
    public Adam(double learningRate, double beta1, double beta2, double eps) {
        this(learningRate, beta1, beta2, eps, 0, false, Schedule.constant());
    }

    /**
     * @param weightDecay λ (0 for none)
     * @param decoupled false for L2 added to the gradient (PyTorch's {@code Adam}), true for AdamW's decay of the
     *     parameters themselves, scaled by the scheduled rate
     * @param schedule the rate per step, from {@code learningRate}
     */
    public Adam(double learningRate, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                Schedule schedule) {
        super(learningRate, weightDecay, schedule);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("Adam's eps must be at least 0, got " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupled = decoupled;
    }

    /** AdamW: PyTorch's defaults with decoupled weight decay λ. */
    public static Adam adamW(double learningRate, double weightDecay) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay, true, Schedule.constant());
    }

    @Override
    int slots() {
        return 2;
    }

    @Override
    void update(float[] p, float[] g, float[] m, float[] v, double lr, long t) {
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        double l2 = decoupled ? 0 : weightDecay;
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] * shrink;
            double gi = g[i] + l2 * p[i];
            float mi = (float) (beta1 * m[i] + (1 - beta1) * gi);
            float vi = (float) (beta2 * v[i] + (1 - beta2) * gi * gi);
            m[i] = mi;
            v[i] = vi;
            p[i] = (float) (pi - stepSize * mi / (Math.sqrt(vi) / correction2 + eps));
        }
    }

    @Override
    void update(double[] p, double[] g, double[] m, double[] v, double lr, long t) {
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        double l2 = decoupled ? 0 : weightDecay;
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + l2 * p[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * shrink - stepSize * mi / (Math.sqrt(vi) / correction2 + eps);
        }
    }

    @Override
    public String toString() {
        return "Adam(lr " + baseLearningRate() + ", β₁ " + beta1 + ", β₂ " + beta2 + ", ε " + eps
                + (weightDecay > 0 ? (decoupled ? ", decoupled" : "") + " weight decay " + weightDecay : "") + ")";
    }
}
