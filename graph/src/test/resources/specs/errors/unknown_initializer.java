// expect: 5:33: unknown initializer xavier: the initializers are glorot(), he(), normal(std), uniform(a), zeros()
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4).init(xavier());

    Matrix loss() {
        return mse(W * x, y);
    }
}
