// expect: 8:28: sgd(...) declares the training: write it as a field of the class (Training training = ...)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix h = W * x + sgd(0.1).batch(8);
        return mse(h, y);
    }
}
