// expect: 10:21: shape mismatch in product: W2 is 10×128 but a1 is 64×n (the left's columns must equal the right's rows)
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
