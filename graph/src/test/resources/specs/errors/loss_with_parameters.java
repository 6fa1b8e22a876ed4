// expect: 6:17: loss() takes no parameters
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss(Matrix scale) {
        return mse(x, y);
    }
}
