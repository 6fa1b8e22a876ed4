// expect: 6:25: unknown optimizer rmsprop: the optimizers are sgd(lr), momentum(lr, mu) or adam(lr)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = rmsprop(0.01);

    Matrix loss() {
        return mse(W * x, y);
    }
}
