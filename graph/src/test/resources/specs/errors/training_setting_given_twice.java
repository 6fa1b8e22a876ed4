// expect: 6:57: batch is given twice (first at 6:37)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = adam(0.001).batch(8).epochs(10).batch(16);

    Matrix loss() {
        return mse(W * x, y);
    }
}
