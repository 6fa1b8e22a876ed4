package deltac.runtime.train;

import deltac.runtime.Optimizer;
import deltac.runtime.checkpoint.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * What every optimizer shares: the step count, the schedule, the checks that parameters and gradients pair up,
 * and per-parameter state arrays ({@link #slots()} of them per parameter, such as Adam's two moments), allocated
 * in the parameter's precision on the first step and reused after, so a step allocates nothing.
 */
abstract class BaseOptimizer implements Optimizer {

    private final double baseRate;
    private final Schedule schedule;
    final double weightDecay;
    private long steps;
    private float[][][] state32; // [slot][parameter], null where the parameter is F64
    private double[][][] state64;

    BaseOptimizer(double learningRate, double weightDecay, Schedule schedule) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be finite and at least 0, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("the weight decay must be finite and at least 0, got " + weightDecay);
        }
        this.baseRate = learningRate;
        this.weightDecay = weightDecay;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** State arrays per parameter, each the parameter's size. */
    abstract int slots();

    /** Updates one F32 parameter in place; {@code s0}, {@code s1} are its state slots (null if unused); t counts from 1. */
    abstract void update(float[] p, float[] g, float[] s0, float[] s1, double lr, long t);

    /** Updates one F64 parameter in place; as the float variant. */
    abstract void update(double[] p, double[] g, double[] s0, double[] s1, double lr, long t);

    @Override
    public final void update(List<Tensor> parameters, List<Tensor> gradients) {
        int count = parameters.size();
        if (gradients.size() != count) {
            throw new IllegalArgumentException(count + " parameters but " + gradients.size() + " gradients");
        }
        if (state32 == null) {
            allocate(parameters);
        } else if (state32[0].length != count) {
            throw new IllegalStateException("this optimizer was first used with " + state32[0].length
                    + " parameters, now " + count + ": use one optimizer per model");
        }
        double lr = learningRate();
        steps++;
        for (int i = 0; i < count; i++) {
            Tensor p = parameters.get(i);
            Tensor g = gradients.get(i);
            check(i, p, g);
            if (p.f32() != null) {
                update(p.f32(), g.f32(), state32[0][i], state32[1][i], lr, steps);
            } else {
                update(p.f64(), g.f64(), state64[0][i], state64[1][i], lr, steps);
            }
        }
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final double learningRate() {
        return schedule.rate(baseRate, steps);
    }

    /** The rate before the schedule. */
    public final double baseLearningRate() {
        return baseRate;
    }

    // Two slots always exist so the update call needs no branch; unused ones stay null.
    private void allocate(List<Tensor> parameters) {
        int count = parameters.size();
        float[][][] s32 = new float[2][count][];
        double[][][] s64 = new double[2][count][];
        for (int slot = 0; slot < slots(); slot++) {
            for (int i = 0; i < count; i++) {
                Tensor p = parameters.get(i);
                if (p.f32() != null) {
                    s32[slot][i] = new float[p.size()];
                } else {
                    s64[slot][i] = new double[p.size()];
                }
            }
        }
        state32 = s32;
        state64 = s64;
    }

    private void check(int i, Tensor p, Tensor g) {
        if (p.size() != g.size() || (p.f32() == null) != (g.f32() == null)) {
            throw new IllegalArgumentException("parameter " + p + " does not match its gradient " + g);
        }
        if (slots() > 0) {
            int stateSize = p.f32() != null
                    ? (state32[0][i] == null ? -1 : state32[0][i].length)
                    : (state64[0][i] == null ? -1 : state64[0][i].length);
            if (stateSize != p.size()) {
                throw new IllegalStateException("parameter " + p + " changed size or precision since the first step");
            }
        }
    }
}
