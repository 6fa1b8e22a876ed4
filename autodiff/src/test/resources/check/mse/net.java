// Regression: two sigmoid layers, a linear output, mse.
class Regression {
    Matrix x  = input(3);
    Matrix y  = target(2);
    Matrix W1 = param(5, 3);
    Matrix b1 = param(5);
    Matrix W2 = param(4, 5);
    Matrix b2 = param(4);
    Matrix W3 = param(2, 4);
    Matrix b3 = param(2);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = sigmoid(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = sigmoid(z2);
        Matrix z3 = W3 * a2 + b3;
        return mse(z3, y);
    }
}
