// expect: 7:9: unsupported type int: a spec's values are Matrix
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        int k = 3;
        return mse(x, y);
    }
}
