// expect: delta_z: differs; it uses σ′(z) where the derivative has tanh′(z)
// δ_z with the sigmoid's derivative, though h = tanh(z).
class ByHand {
    Matrix delta_z = hadamard(W * delta_r, sigmoidPrime(z));
}
