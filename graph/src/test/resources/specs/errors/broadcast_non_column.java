// expect: ?
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    Matrix W = param(4, 4);

    Matrix loss() {
        Matrix z = x + W;
        return mse(z, y);
    }
}
