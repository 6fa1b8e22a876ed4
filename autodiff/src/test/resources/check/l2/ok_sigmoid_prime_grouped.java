// expect: delta_z1: equal, proved by rewriting
// δ¹ with σ′ from the activation, the ⊙ grouped the other way.
class ByHand {
    Matrix delta_z1 = hadamard(hadamard(W2.T * delta_z2, a1), 1 - a1);
}
