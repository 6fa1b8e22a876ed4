// expect: delta_z1: equal, proved by rewriting
// δ¹ with δ² written out instead of named.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * hadamard(W3.T * delta_z3, reluPrime(z2)) + W3.T * delta_z3, reluPrime(z1));
}
