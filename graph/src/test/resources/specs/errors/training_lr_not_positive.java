// expect: 6:29: the learning rate must be greater than 0 and less than 1e6, got 0
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0);

    Matrix loss() {
        return mse(W * x, y);
    }
}
