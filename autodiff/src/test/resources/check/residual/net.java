// A residual block: a² = relu(z²) + a¹ feeds a¹ forward past layer 2, so δ¹ has two terms. Square layers.
class Residual {
    Matrix x  = input(4);
    Matrix y  = target(3);
    Matrix W1 = param(4, 4);
    Matrix b1 = param(4);
    Matrix W2 = param(4, 4);
    Matrix b2 = param(4);
    Matrix W3 = param(3, 4);
    Matrix b3 = param(3);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = relu(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = relu(z2) + a1;
        Matrix z3 = W3 * a2 + b3;
        return crossEntropy(softmax(z3), y);
    }
}
