// expect: 6:5: sgd(...) makes training settings: declare it as Training training, not Matrix training
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Matrix training = sgd(0.1).batch(8);

    Matrix loss() {
        return mse(W * x, y);
    }
}
