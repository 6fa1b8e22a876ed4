// expect: error 5:18: shape mismatch in product: delta_z2.T is n×3 but a1 is 5×n (the left's columns must equal the right's rows); the transposes are on the wrong factors: (δ²)ᵀ a¹ where the derivative has δ² (a¹)ᵀ
// form: batch
// ∂C/∂W² as a row-per-sample library writes it, (δ²)ᵀ a¹, in a spec where samples are columns.
class ByHand {
    Matrix dW2 = delta_z2.T * a1;
}
