// expect: 4:12: warning: input mask does not reach the loss
class Net {
    Matrix x = input(4);
    Matrix mask = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        return mse(W * x, y);
    }
}
