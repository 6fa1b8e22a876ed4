// expect: error 4:18: dW2 is 4×5 but this formula is 5×4; the product's factors are in the wrong order: a¹ (δ²)ᵀ where the derivative has δ² (a¹)ᵀ
// ∂C/∂W² with its factors in the wrong order.
class ByHand {
    Matrix dW2 = a1 * delta_z2.T;
}
