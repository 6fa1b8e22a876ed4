// expect: 5:25: a dimension is a positive integer, got 4.5
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4.5);

    Matrix loss() {
        return mse(W * x, y);
    }
}
