// expect: dW: equal, proved by rewriting
// ∂C/∂W with the decoder's term written h (δ_r)ᵀ instead of (δ_r hᵀ)ᵀ.
class ByHand {
    Matrix dW = delta_z * x.T + h * delta_r.T;
}
