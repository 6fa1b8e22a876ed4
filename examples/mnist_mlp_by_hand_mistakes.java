// Hand-derived formulas for examples/mnist_mlp.java with two mistakes a student makes, to see how deltac
// reports them: the output δ with its sign flipped, and δ¹ without the derivative of the sigmoid.
//
//   ./deltac check  examples/mnist_mlp.java --by-hand examples/mnist_mlp_by_hand_mistakes.java
//   ./deltac report examples/mnist_mlp.java --by-hand examples/mnist_mlp_by_hand_mistakes.java -o out/report.html
//
// The report highlights the terms where each formula and its derivation part; mnist_mlp_by_hand.java is right.
class MnistMlpByHandMistakes {
    Matrix delta_z2 = y - a2;                    // the sign: the derivative is a2 - y
    Matrix delta_z1 = W2.T * delta_z2;           // lacks ⊙ σ′(z¹)
    Matrix dW2 = delta_z2 * a1.T;
    Matrix db2 = delta_z2;
    Matrix dW1 = delta_z1 * x.T;
    Matrix db1 = delta_z1;
}
