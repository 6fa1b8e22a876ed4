// A deeper MNIST network: 784-256-128-10, relu, softmax and cross-entropy, with L2 regularization.
class MnistDeep {
    Matrix x  = input(784);
    Matrix y  = target(10);
    Matrix W1 = param(256, 784).init(he());
    Matrix b1 = param(256);
    Matrix W2 = param(128, 256).init(he());
    Matrix b2 = param(128);
    Matrix W3 = param(10, 128).init(glorot());
    Matrix b3 = param(10);
    double lambda = 1e-4;                  // L2 strength
    Training training = adam(0.001).batch(32).epochs(15).schedule(cosine());

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = relu(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = relu(z2);
        Matrix z3 = W3 * a2 + b3;
        Matrix a3 = softmax(z3);
        return crossEntropy(a3, y) + lambda * (sum(square(W1)) + sum(square(W2)) + sum(square(W3)));
    }
}
