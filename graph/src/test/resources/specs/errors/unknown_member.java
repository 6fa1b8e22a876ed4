// expect: 7:22: unknown member .t (the transpose is written a.T)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = x.t;
        return mse(h, y);
    }
}
