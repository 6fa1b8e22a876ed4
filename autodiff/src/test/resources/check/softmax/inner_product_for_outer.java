// expect: error 4:18: dW1 is 4×4 but this formula is 1×1; the product's factors are in the wrong order: xᵀ δ¹ where the derivative has δ¹ xᵀ
// ∂C/∂W¹ as the inner product xᵀ δ¹, a number, where the outer product δ¹ xᵀ, a matrix, belongs.
class ByHand {
    Matrix dW1 = x.T * delta_z1;
}
