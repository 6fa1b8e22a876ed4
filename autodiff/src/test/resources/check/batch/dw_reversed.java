// expect: error 5:18: dW1 is 5×4 but this formula is 4×5; the product's factors are in the wrong order: x (δ¹)ᵀ where the derivative has δ¹ xᵀ
// form: batch
// ∂C/∂W¹ with its factors in the wrong order: x (δ¹)ᵀ is 4×5, W¹ is 5×4.
class ByHand {
    Matrix dW1 = x * delta_z1.T;
}
