// expect: 6:12: loss() has no return statement: it returns the scalar loss
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix e = mse(x, y);
    }
}
