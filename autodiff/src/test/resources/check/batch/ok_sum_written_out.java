// expect: db1: equal, proved by rewriting
// form: batch
// ∂C/∂b¹ with δ¹ written out and tanh′ from the activation.
class ByHand {
    Matrix db1 = sumRows(hadamard(W2.T * delta_z2, 1 - square(a1)));
}
