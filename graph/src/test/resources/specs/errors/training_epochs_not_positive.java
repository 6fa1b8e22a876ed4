// expect: 6:41: epochs must be an integer from 1 to 1000000, got 0
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).epochs(0);

    Matrix loss() {
        return mse(W * x, y);
    }
}
