// W3 of bench/run.sh: a wide MNIST network, 784-1024-1024-10, relu, softmax and cross-entropy.
class WideMlp {
    Matrix x  = input(784);
    Matrix y  = target(10);
    Matrix W1 = param(1024, 784).init(he());
    Matrix b1 = param(1024);
    Matrix W2 = param(1024, 1024).init(he());
    Matrix b2 = param(1024);
    Matrix W3 = param(10, 1024).init(glorot());
    Matrix b3 = param(10);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = relu(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = relu(z2);
        Matrix z3 = W3 * a2 + b3;
        Matrix a3 = softmax(z3);
        return crossEntropy(a3, y);
    }
}
