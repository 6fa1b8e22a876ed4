// The formulas of iris_mlp.java, by hand, per sample.
class IrisMlpByHand {
    Matrix delta_z2 = a2 - y;
    Matrix delta_z1 = hadamard(W2.T * delta_z2, 1 - square(a1));   // tanh' = 1 - a1^2
    Matrix dW2 = delta_z2 * a1.T;
    Matrix db2 = delta_z2;
    Matrix dW1 = delta_z1 * x.T;
    Matrix db1 = delta_z1;
}
