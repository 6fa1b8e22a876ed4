// expect: error 4:23: shape mismatch in hadamard: w2 * delta_z2 is 1×3 but reluPrime(z1) is 3×1; it has δ² w² where the derivative has its transpose, δ² (w²)ᵀ
// δ¹ with w² where (w²)ᵀ belongs.
class ByHand {
    Matrix delta_z1 = hadamard(w2 * delta_z2, reluPrime(z1));
}
