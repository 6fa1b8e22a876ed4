// expect: delta_z1: differs; your delta_z1 lacks the factor ⊙ relu′(z¹) in its term (W³)ᵀ δ³
// The skip path's term added after the ⊙ relu′(z¹), not inside it: a¹ = relu(z¹) still stands between.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, reluPrime(z1)) + W3.T * delta_z3;
}
