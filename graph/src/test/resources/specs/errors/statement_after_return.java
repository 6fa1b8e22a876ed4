// expect: 8:9: unreachable statement after the return at 7:9
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        return mse(x, y);
        Matrix h = x;
    }
}
