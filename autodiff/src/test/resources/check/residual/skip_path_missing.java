// expect: delta_z1: differs; your delta_z1 lacks the term ((W³)ᵀ δ³) ⊙ relu′(z¹), from a² = relu(z²) + a¹
// δ¹ written with the main path only: the skip connection a² = relu(z²) + a¹ also carries δ³ back to a¹.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, reluPrime(z1));
}
