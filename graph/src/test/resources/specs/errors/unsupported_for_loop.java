// expect: 8:9: unsupported Java construct: for loop (a spec is straight-line matrix code)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = x;
        for (int i = 0; i < 3; i++) {
            h = sigmoid(h);
        }
        return mse(h, y);
    }
}
