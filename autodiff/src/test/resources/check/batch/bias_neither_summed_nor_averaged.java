// expect: error 5:18: db2 is 3×1 but this formula is 3×n; your db2 is not summed over the batch, and your db2 lacks the factor 1/n (the mean over the batch's n samples)
// form: batch
// ∂C/∂b² as the per-sample a² − y: neither the 1/n of the mean nor the sum over the batch's columns.
class ByHand {
    Matrix db2 = a2 - y;
}
