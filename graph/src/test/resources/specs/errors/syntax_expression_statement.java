// expect: 7:9: syntax error: unexpected "x", expected "}"
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        x + y;
        return mse(x, y);
    }
}
