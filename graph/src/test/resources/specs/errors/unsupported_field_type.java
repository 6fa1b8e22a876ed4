// expect: ?
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    String label = "digits";

    Matrix loss() {
        return mse(x, y);
    }
}
