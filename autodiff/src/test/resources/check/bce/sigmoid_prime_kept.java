// expect: delta_z2: differs; your delta_z2 has an extra factor σ′(z²)
// δ² with σ′(z²) kept: binary cross-entropy of a sigmoid already cancels it, leaving p − y.
class ByHand {
    Matrix delta_z2 = hadamard(p - y, sigmoidPrime(z2));
}
