// expect: 6:34: unknown training setting .learningRate: the settings are .batch() .epochs() .seed() .validation() .patience() .weightDecay() .schedule()
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).learningRate(0.01);

    Matrix loss() {
        return mse(W * x, y);
    }
}
