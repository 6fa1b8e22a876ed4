// expect: 6:48: validation must be at least 0 and less than 1 (the fraction held out), got 1
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = adam(0.001).validation(1);

    Matrix loss() {
        return mse(W * x, y);
    }
}
