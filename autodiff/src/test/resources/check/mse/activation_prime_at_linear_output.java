// expect: delta_z3: differs; your delta_z3 has an extra factor ⊙ σ′(z³)
// δ³ with σ′(z³), though the output layer is linear.
class ByHand {
    Matrix delta_z3 = hadamard(z3 - y, sigmoidPrime(z3));
}
