// expect: 5:33: unknown initializer glorrot (did you mean glorot?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4).init(glorrot());

    Matrix loss() {
        return mse(W * x, y);
    }
}
