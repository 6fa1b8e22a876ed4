// expect: ?
class Net {
    Matrix x = input(4);
    Matrix y = target(3);

    Matrix loss() {
        return crossEntropy(softmax(x), y);
    }
}
