// expect: delta_z1: equal, proved by rewriting
// δ¹ with δ² written out and tanh′ from the activation.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * (z2 - y), 1 - square(a1));
}
