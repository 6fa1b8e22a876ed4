// expect: 6:34: wrong number of arguments: batch takes 1 argument, got 0
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).batch();

    Matrix loss() {
        return mse(W * x, y);
    }
}
