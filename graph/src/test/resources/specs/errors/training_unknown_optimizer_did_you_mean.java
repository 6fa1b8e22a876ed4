// expect: 6:25: unknown optimizer sgdd (did you mean sgd?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgdd(0.1).batch(8);

    Matrix loss() {
        return mse(W * x, y);
    }
}
