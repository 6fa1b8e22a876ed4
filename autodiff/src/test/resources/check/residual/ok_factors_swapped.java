// expect: delta_z1: equal, proved by rewriting
// δ¹ with the factors of ⊙ and the paths in the other order.
class ByHand {
    Matrix delta_z1 = hadamard(reluPrime(z1), W3.T * delta_z3 + W2.T * delta_z2);
}
