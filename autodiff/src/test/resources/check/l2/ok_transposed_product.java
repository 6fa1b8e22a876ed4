// expect: dW2: equal, proved by rewriting
// ∂C/∂W² with δ² (a¹)ᵀ written as (a¹ (δ²)ᵀ)ᵀ.
class ByHand {
    Matrix dW2 = (a1 * delta_z2.T).T + 0.002 * W2;
}
