// expect: 8:29: unknown variable bias
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W1 = param(3, 4);

    Matrix loss() {
        Matrix z = W1 * x + bias;
        return mse(z, y);
    }
}
