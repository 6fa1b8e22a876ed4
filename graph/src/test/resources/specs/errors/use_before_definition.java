// expect: 7:28: use before definition: h is defined later, at 8:16
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix a = sigmoid(h);
        Matrix h = 2 * x;
        return mse(a, y);
    }
}
