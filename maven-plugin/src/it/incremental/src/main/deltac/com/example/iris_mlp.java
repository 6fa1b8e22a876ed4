// Fisher's Iris: 4 features, 8 tanh hidden units, 3 species.
class IrisMlp {
    Matrix x  = input(4);
    Matrix y  = target(3);
    Matrix W1 = param(8, 4).init(glorot());
    Matrix b1 = param(8);
    Matrix W2 = param(3, 8).init(glorot());
    Matrix b2 = param(3);
    Training training = sgd(0.1).batch(8).epochs(100);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = tanh(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = softmax(z2);
        return crossEntropy(a2, y);
    }
}
