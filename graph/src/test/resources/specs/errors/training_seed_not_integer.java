// expect: 6:42: seed must be an integer from -2^53 to 2^53, got 0.5
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = adam(0.001).seed(0.5);

    Matrix loss() {
        return mse(W * x, y);
    }
}
