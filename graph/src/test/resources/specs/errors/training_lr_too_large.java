// expect: 6:30: the learning rate must be greater than 0 and less than 1e6, got 1e6
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = adam(1e6);

    Matrix loss() {
        return mse(W * x, y);
    }
}
