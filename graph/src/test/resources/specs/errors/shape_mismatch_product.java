// expect: ?
class Net {
    Matrix x  = input(784);
    Matrix y  = target(10);
    Matrix W1 = param(64, 784);
    Matrix W2 = param(10, 128);

    Matrix loss() {
        Matrix a1 = sigmoid(W1 * x);
        Matrix z2 = W2 * a1;
        return crossEntropy(softmax(z2), y);
    }
}
