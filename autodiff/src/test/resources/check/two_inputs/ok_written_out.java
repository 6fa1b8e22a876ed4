// expect: delta_z1: equal, proved by rewriting
// δ¹ with the factors in the other order and δ² written out.
class ByHand {
    Matrix delta_z1 = hadamard(1 - square(a1), W2.T * (softmax(z2) - y));
}
