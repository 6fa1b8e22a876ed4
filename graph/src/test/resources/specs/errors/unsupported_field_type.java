// expect: 5:5: unsupported field type String: a spec's fields are Matrix, int, double or Training
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    String label = "digits";

    Matrix loss() {
        return mse(x, y);
    }
}
