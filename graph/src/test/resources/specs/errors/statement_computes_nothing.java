// expect: 7:9: this statement computes nothing: name its value (Matrix h = ...;)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        sigmoid(x);
        return mse(x, y);
    }
}
