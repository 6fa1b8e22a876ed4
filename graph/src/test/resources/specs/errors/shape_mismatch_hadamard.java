// expect: ?
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix z = W * x;
        Matrix g = hadamard(z, x);
        return mse(g, y);
    }
}
