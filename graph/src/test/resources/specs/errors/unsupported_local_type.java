// expect: 7:9: unsupported type String: a spec's values are Matrix (or a number: double, int)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        String k = "3";
        return mse(x, y);
    }
}
