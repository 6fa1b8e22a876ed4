// expect: delta_z1: equal, proved by rewriting
// δ¹ with σ′ as σ(z¹) − σ(z¹)², the factors in the other order.
class ByHand {
    Matrix delta_z1 = hadamard(sigmoid(z1) - square(sigmoid(z1)), W2.T * delta_z2);
}
