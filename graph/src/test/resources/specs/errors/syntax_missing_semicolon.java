// expect: 5:27: syntax error: expected ";" after ")"
class Net {
    Matrix x = input(4);
    Matrix y = target(1);
    Matrix W = param(1, 4)

    Matrix loss() {
        return mse(W * x, y);
    }
}
