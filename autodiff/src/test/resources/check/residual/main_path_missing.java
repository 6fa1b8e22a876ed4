// expect: delta_z1: differs; your delta_z1 lacks the term ((W²)ᵀ δ²) ⊙ relu′(z¹), from z² = W² a¹ + b²
// δ¹ written with the skip connection only, as if layer 2 were bypassed.
class ByHand {
    Matrix delta_z1 = hadamard(W3.T * delta_z3, reluPrime(z1));
}
