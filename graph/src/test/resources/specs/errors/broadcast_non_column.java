// expect: 8:20: cannot broadcast in sum: x is 4×n and W is 4×4; only a column (r×1) or a scalar broadcasts over the columns
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    Matrix W = param(4, 4);

    Matrix loss() {
        Matrix z = x + W;
        return mse(z, y);
    }
}
