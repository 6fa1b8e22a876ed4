// expect: 8:9: the training settings are a field of the class: move Training training out of loss()
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        Training training = adam(0.001).epochs(5);
        return mse(W * x, y);
    }
}
