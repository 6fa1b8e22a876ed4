// expect: error 5:18: shape mismatch in product: delta_z1 is 5×n but ones(1, n) is 1×n (the left's columns must equal the right's rows); it uses 1ₙᵀ where the derivative has 1ₙ
// form: batch
// ∂C/∂b¹ summed with a row of ones where a column belongs.
class ByHand {
    Matrix db1 = delta_z1 * ones(1, n);
}
