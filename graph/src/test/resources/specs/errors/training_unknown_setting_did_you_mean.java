// expect: 6:43: unknown training setting .epoch (did you mean epochs?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).batch(8).epoch(10);

    Matrix loss() {
        return mse(W * x, y);
    }
}
