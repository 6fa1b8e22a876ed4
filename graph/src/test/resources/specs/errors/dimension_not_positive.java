// expect: 5:22: a dimension is a positive integer, got 0
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(0, 4);

    Matrix loss() {
        return mse(W * x, y);
    }
}
