// Weight decay: a softmax classifier with an L2 penalty on both weights.
class WeightDecay {
    Matrix x  = input(5);
    Matrix y  = target(3);
    Matrix W1 = param(4, 5);
    Matrix b1 = param(4);
    Matrix W2 = param(3, 4);
    Matrix b2 = param(3);
    double lambda = 0.001;

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = sigmoid(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = softmax(z2);
        return crossEntropy(a2, y) + lambda * (sum(square(W1)) + sum(square(W2)));
    }
}
