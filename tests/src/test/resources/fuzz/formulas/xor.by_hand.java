// The formulas of xor.java, by hand, per sample, one of them wrong (delta_z2 lacks sigmoid').
class XorByHand {
    Matrix delta_z2 = a2 - y;
    Matrix delta_z1 = hadamard(W2.T * delta_z2, sigmoidPrime(z1));
    Matrix dW2 = delta_z2 * a1.T;
    Matrix db2 = delta_z2;
    Matrix dW1 = delta_z1 * x.T;
    Matrix db1 = delta_z1;
}
