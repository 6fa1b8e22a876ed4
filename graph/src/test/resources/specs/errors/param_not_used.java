// expect: 6:12: warning: parameter b does not reach the loss, so it will not be trained
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Matrix b = param(3);

    Matrix loss() {
        return mse(W * x, y);
    }
}
