// expect: error 5:18: db2 is 3×1 but this formula is 3×n; your db2 is not summed over the batch: the derivative has δ² 1ₙ
// form: batch
// ∂C/∂b² as δ²: in batch form the bias gradient sums δ² over the batch's columns.
class ByHand {
    Matrix db2 = delta_z2;
}
