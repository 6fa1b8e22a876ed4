// expect: 8:20: s is declared double but W * x is 3×n
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        double s = W * x;
        return mse(W * x, y);
    }
}
