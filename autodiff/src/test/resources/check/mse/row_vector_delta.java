// expect: error 4:23: shape mismatch in hadamard: delta_z3.T * W3 is 1×4 but sigmoidPrime(z2) is 4×1; it has (δ³)ᵀ W³ where the derivative has its transpose, (W³)ᵀ δ³
// δ² as a row, (δ³)ᵀ W³, against σ′(z²)'s column.
class ByHand {
    Matrix delta_z2 = hadamard(delta_z3.T * W3, sigmoidPrime(z2));
}
