// expect: 6:43: unknown schedule cosin (did you mean cosine?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).schedule(cosin());

    Matrix loss() {
        return mse(W * x, y);
    }
}
