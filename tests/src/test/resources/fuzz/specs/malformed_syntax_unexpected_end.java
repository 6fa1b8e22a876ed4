// expect: 8:6: syntax error: unexpected end of file
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        return mse(x, y);
    }
