// expect: 7:28: unsupported Java construct: lambda (a spec is matrix expressions over its names)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = sigmoid(v -> v);
        return mse(h, y);
    }
}
