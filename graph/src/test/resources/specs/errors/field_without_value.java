// expect: 5:12: W has no value
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    Matrix W;

    Matrix loss() {
        return mse(x, y);
    }
}
