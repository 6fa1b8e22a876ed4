// expect: dW2: differs; the product's factors are in the wrong order: a¹ (δ²)ᵀ where the derivative has δ² (a¹)ᵀ
// ∂C/∂W² with its factors in the wrong order; square, so the shapes agree.
class ByHand {
    Matrix dW2 = a1 * delta_z2.T;
}
