// expect: 5:39: init is given twice
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4).init(he()).init(glorot());

    Matrix loss() {
        return mse(W * x, y);
    }
}
