// expect: error 4:17: shape mismatch in product: delta_z1.T is 1×4 but x1 is 3×1 (the left's columns must equal the right's rows); the transposes are on the wrong factors: (δ¹)ᵀ x¹ where the derivative has δ¹ (x¹)ᵀ
// ∂C/∂U as a row-vector textbook writes it, (δ¹)ᵀ x¹, in a spec where samples are columns.
class ByHand {
    Matrix dU = delta_z1.T * x1;
}
