// expect: 7:24: unsupported Java construct: string literal (a spec is matrix expressions over its names)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = x + "bias";
        return mse(h, y);
    }
}
