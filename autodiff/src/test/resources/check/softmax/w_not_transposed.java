// expect: delta_z1: differs; it uses W² where the derivative has (W²)ᵀ
// W² where (W²)ᵀ belongs; the layers are square, so only the values tell.
class ByHand {
    Matrix delta_z1 = hadamard(W2 * delta_z2, sigmoidPrime(z1));
}
