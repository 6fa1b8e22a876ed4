// expect: 9:21: shape mismatch in sum: W1 * x is 128×n but b1 is 10×1
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
