// expect: 6:12: W is declared twice (first at 5:12)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Matrix W = param(3, 4).init(he());

    Matrix loss() {
        return mse(W * x, y);
    }
}
