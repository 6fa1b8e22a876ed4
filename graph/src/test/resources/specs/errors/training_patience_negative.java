// expect: 6:46: patience must be an integer from 0 to 1000000, got -1
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = adam(0.001).patience(-1);

    Matrix loss() {
        return mse(W * x, y);
    }
}
