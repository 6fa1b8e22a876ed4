// expect: delta_z1: equal, proved by rewriting
// δ¹ written out through every layer, σ′ from the activations.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * hadamard(W3.T * (z3 - y), hadamard(a2, 1 - a2)), hadamard(a1, 1 - a1));
}
