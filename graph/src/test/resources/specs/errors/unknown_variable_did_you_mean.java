// expect: 8:20: unknown variable W2 (did you mean W1?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W1 = param(3, 4);

    Matrix loss() {
        Matrix z = W2 * x;
        return mse(z, y);
    }
}
