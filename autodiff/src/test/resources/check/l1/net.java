// A sparse regression: mse with an L1 penalty on the first layer's weights.
class Sparse {
    Matrix x  = input(5);
    Matrix y  = target(2);
    Matrix W1 = param(4, 5);
    Matrix b1 = param(4);
    Matrix W2 = param(2, 4);
    Matrix b2 = param(2);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = tanh(z1);
        Matrix z2 = W2 * a1 + b2;
        return mse(z2, y) + 0.01 * sum(abs(W1));
    }
}
