// expect: 6:25: wrong number of arguments: momentum takes 1 or 2 (the learning rate, and μ), got 3
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = momentum(0.1, 0.9, 0.99);

    Matrix loss() {
        return mse(W * x, y);
    }
}
