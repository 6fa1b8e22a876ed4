// The backpropagation formulas of examples/mnist_mlp.java, derived by hand, per sample, as a textbook
// writes them. Check them against what deltac derives:
//
//   ./deltac check examples/mnist_mlp.java --by-hand examples/mnist_mlp_by_hand.java
//
// Each line assigns a name `deltac derive --format ascii` prints. A name on the right (delta_z2 in
// delta_z1's formula) stands for its derived value, so each formula is judged on its own.
class MnistMlpByHand {
    Matrix delta_z2 = a2 - y;                                           // softmax with cross-entropy
    Matrix delta_z1 = hadamard(W2.T * delta_z2, hadamard(a1, 1 - a1));  // σ′(z¹) = a¹ ⊙ (1 − a¹)
    Matrix dW2 = delta_z2 * a1.T;
    Matrix db2 = delta_z2;
    Matrix dW1 = delta_z1 * x.T;
    Matrix db1 = delta_z1;
}
