// expect: 5:40: normal's standard deviation must be positive, got -0.1
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4).init(normal(-0.1));

    Matrix loss() {
        return mse(W * x, y);
    }
}
