// expect: db2: equal, proved by rewriting
// form: batch
// ∂C/∂b² as δ² 1ₙ, a product with a column of ones.
class ByHand {
    Matrix db2 = delta_z2 * ones(n, 1);
}
