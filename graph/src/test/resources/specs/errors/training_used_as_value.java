// expect: 9:32: training holds the training settings, not a value: loss() computes with Matrix and number names
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1);

    Matrix loss() {
        return mse(W * x, y) + training;
    }
}
