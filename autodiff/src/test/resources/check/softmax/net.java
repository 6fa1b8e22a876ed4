// The textbook classifier with square layers, so that a missing transpose still has the right shape.
class Softmax {
    Matrix x  = input(4);
    Matrix y  = target(4);
    Matrix W1 = param(4, 4);
    Matrix b1 = param(4);
    Matrix W2 = param(4, 4);
    Matrix b2 = param(4);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = sigmoid(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = softmax(z2);
        return crossEntropy(a2, y);
    }
}
