// expect: 7:20: wrong number of arguments: sigmoid takes 1 argument, got 2
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix a = sigmoid(x, y);
        return mse(a, y);
    }
}
