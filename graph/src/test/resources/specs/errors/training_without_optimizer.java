// expect: 6:25: a Training starts with its optimizer: sgd(lr), momentum(lr, mu) or adam(lr), then settings such as .batch(n)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = 0.1;

    Matrix loss() {
        return mse(W * x, y);
    }
}
