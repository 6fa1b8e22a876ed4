// expect: delta_z1: differs; it uses a¹ (layer 1's activation) where the derivative has σ′(z¹)
// δ¹ with σ(z¹) for σ′(z¹).
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, sigmoid(z1));
}
