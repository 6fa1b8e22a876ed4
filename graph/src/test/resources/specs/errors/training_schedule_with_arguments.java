// expect: 6:43: wrong number of arguments: step takes 0, got 1
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).schedule(step(10));

    Matrix loss() {
        return mse(W * x, y);
    }
}
