// expect: error 4:18: dW3 is 3×4 but this formula is 4×3; the product's factors are in the wrong order: a² (δ³)ᵀ where the derivative has δ³ (a²)ᵀ
// ∂C/∂W³ with its factors in the wrong order (the transposed gradient): a² (δ³)ᵀ is 4×3, W³ is 3×4.
class ByHand {
    Matrix dW3 = a2 * delta_z3.T;
}
