// expect: 5:18: a number is needed here, not x
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    int hidden = x;
    Matrix W = param(3, hidden);

    Matrix loss() {
        return mse(W * x, y);
    }
}
