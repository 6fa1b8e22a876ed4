// expect: 6:34: the optimizer is given twice (first sgd at 6:25)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).adam(0.001);

    Matrix loss() {
        return mse(W * x, y);
    }
}
