// expect: delta_z1: equal, proved by rewriting
// δ¹ with ⊙ relu′(z¹) distributed over both paths.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, reluPrime(z1)) + hadamard(W3.T * delta_z3, reluPrime(z1));
}
