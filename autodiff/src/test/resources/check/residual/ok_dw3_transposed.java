// expect: dW3: equal, proved by rewriting
// ∂C/∂W³ as the transpose of a² (δ³)ᵀ: (AB)ᵀ = BᵀAᵀ.
class ByHand {
    Matrix dW3 = (a2 * delta_z3.T).T;
}
