// expect: 7:24: unterminated string literal
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = x + "bias;
        return mse(h, y);
    }
}
