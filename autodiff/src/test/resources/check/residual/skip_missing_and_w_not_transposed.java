// expect: delta_z1: differs; your delta_z1 lacks the term ((W³)ᵀ δ³) ⊙ relu′(z¹), from a² = relu(z²) + a¹, and it uses W² where the derivative has (W²)ᵀ
// Two mistakes at once: the skip connection's term missing, and W² where (W²)ᵀ belongs.
class ByHand {
    Matrix delta_z1 = hadamard(W2 * delta_z2, reluPrime(z1));
}
