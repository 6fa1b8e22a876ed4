// expect: 7:20: unsupported Java construct: method call Math.max(...) (a spec calls only the functions of the spec language)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = Math.max(x, 0);
        return mse(h, y);
    }
}
