// expect: 6:46: weightDecay must be finite and at least 0, got -1e-4
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).weightDecay(-1e-4);

    Matrix loss() {
        return mse(W * x, y);
    }
}
