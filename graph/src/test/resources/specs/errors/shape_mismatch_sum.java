// expect: ?
class Net {
    Matrix x  = input(784);
    Matrix y  = target(10);
    Matrix W1 = param(128, 784);
    Matrix b1 = param(10);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        return sum(z1);
    }
}
