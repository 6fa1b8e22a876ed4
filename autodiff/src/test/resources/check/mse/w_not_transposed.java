// expect: error 4:32: shape mismatch in product: W3 is 2×4 but delta_z3 is 2×1 (the left's columns must equal the right's rows); it uses W³ where the derivative has (W³)ᵀ
// δ² with W³ where (W³)ᵀ belongs: the shapes do not fit.
class ByHand {
    Matrix delta_z2 = hadamard(W3 * delta_z3, sigmoidPrime(z2));
}
