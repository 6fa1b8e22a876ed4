// Regression with a real-valued target: Iris's petal width from the other three measurements, one tanh layer.
// Data: examples/data/petal_width.csv (the target in the last column).
class PetalWidth {
    Matrix x  = input(3);
    Matrix y  = target(1);
    Matrix W1 = param(8, 3).init(glorot());
    Matrix b1 = param(8);
    Matrix W2 = param(1, 8).init(glorot());
    Matrix b2 = param(1);
    Training training = adam(0.01).batch(16).epochs(200);

    Matrix loss() {
        Matrix a1 = tanh(W1 * x + b1);
        Matrix p  = W2 * a1 + b2;
        return mse(p, y);
    }
}
