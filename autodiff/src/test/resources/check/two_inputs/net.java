// Two inputs, each through its own weights into one tanh layer, then softmax.
class TwoInputs {
    Matrix x1 = input(3);
    Matrix x2 = input(2);
    Matrix y  = target(3);
    Matrix U  = param(4, 3);
    Matrix V  = param(4, 2);
    Matrix b1 = param(4);
    Matrix W2 = param(3, 4);
    Matrix b2 = param(3);
    Training training = sgd(0.1).batch(8).epochs(10);

    Matrix loss() {
        Matrix z1 = U * x1 + V * x2 + b1;
        Matrix a1 = tanh(z1);
        Matrix z2 = W2 * a1 + b2;
        return crossEntropy(softmax(z2), y);
    }
}
