// expect: delta_z1: differs; it uses tanh′(a¹) where the derivative has tanh′(z¹)
// tanh′ applied to the activation a¹ instead of the pre-activation z¹.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, tanhPrime(a1));
}
