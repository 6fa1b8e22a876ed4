// expect: 6:43: a schedule is one of constant(), step(), cosine()
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).schedule(0.1);

    Matrix loss() {
        return mse(W * x, y);
    }
}
