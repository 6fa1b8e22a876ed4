// expect: 3:25: input has no initializer: only a param is initialized
class Net {
    Matrix x = input(4).init(zeros());
    Matrix y = target(4);

    Matrix loss() {
        return mse(x, y);
    }
}
