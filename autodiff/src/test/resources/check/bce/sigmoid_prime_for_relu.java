// expect: delta_z1: differs; it uses σ′(z¹) where the derivative has relu′(z¹)
// δ¹ with σ′ though the hidden layer is a ReLU.
class ByHand {
    Matrix delta_z1 = hadamard(w2.T * delta_z2, sigmoidPrime(z1));
}
