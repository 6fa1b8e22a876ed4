// expect: 6:25: wrong number of arguments: sgd takes 1 (the learning rate), got 2
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1, 0.9);

    Matrix loss() {
        return mse(W * x, y);
    }
}
