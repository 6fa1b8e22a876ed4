// expect: error 4:31: shape mismatch in product: W.T is 5×3 but delta_r is 5×1 (the left's columns must equal the right's rows); it uses Wᵀ where the derivative has W
// δ_z through the decoder with Wᵀ, the decoder's own matrix: backpropagation multiplies by its transpose, W.
class ByHand {
    Matrix delta_z = hadamard(W.T * delta_r, tanhPrime(z));
}
