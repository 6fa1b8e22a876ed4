// expect: 7:20: param(...) declares a field: write it as a field of the class
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix W = param(4, 4);
        return mse(W * x, y);
    }
}
