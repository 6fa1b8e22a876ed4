// expect: delta_z2: differs; it uses relu′(z¹) where the derivative has relu′(z²)
// δ² with the ReLU derivative of layer 1.
class ByHand {
    Matrix delta_z2 = hadamard(W3.T * delta_z3, reluPrime(z1));
}
