// expect: 6:40: the momentum must be at least 0 and less than 1, got 1.0
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = momentum(0.05, 1.0);

    Matrix loss() {
        return mse(W * x, y);
    }
}
