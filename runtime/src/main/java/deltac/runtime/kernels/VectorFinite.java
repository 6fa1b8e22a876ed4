package deltac.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Finite} on the Vector API: x · 0 is 0 for a finite x and NaN for NaN or ±∞, so a sum of them is NaN
 * exactly when some entry is not finite. Two accumulators, and no branch per vector as the scalar loop has.
 */
final class VectorFinite implements Finite.Kernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Override
    public boolean all(float[] x) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector a = zero;
        FloatVector b = zero;
        int step = 2 * F.length();
        int i = 0;
        for (; i + step <= x.length; i += step) {
            a = FloatVector.fromArray(F, x, i).fma(zero, a);
            b = FloatVector.fromArray(F, x, i + F.length()).fma(zero, b);
        }
        return !Float.isNaN(a.add(b).reduceLanes(VectorOperators.ADD)) && Finite.allScalar(x, i);
    }
}
