package deltac.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Activations} on the Vector API: whole vectors, then the last entries one by one (no masks: slow on 17). */
final class VectorActivations implements Activations.Kernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Override
    public void sigmoid(float[] x, int length) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = 0;
        for (; i + F.length() <= length; i += F.length()) {
            // e^−x overflows to ∞ for very negative x, and 1 / (1 + ∞) is the right 0
            FloatVector e = FloatVector.fromArray(F, x, i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(one)).intoArray(x, i);
        }
        Activations.sigmoidScalar(x, i, length);
    }

    @Override
    public void tanh(float[] x, int length) {
        int i = 0;
        for (; i + F.length() <= length; i += F.length()) {
            FloatVector.fromArray(F, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        }
        Activations.tanhScalar(x, i, length);
    }
}
