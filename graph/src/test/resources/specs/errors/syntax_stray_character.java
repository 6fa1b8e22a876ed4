// expect: 7:22: syntax error: unexpected character "#"
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = x # 2;
        return mse(h, y);
    }
}
