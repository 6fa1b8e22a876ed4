// expect: ?
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        System.exit(3);
        return mse(x, y);
    }
}
