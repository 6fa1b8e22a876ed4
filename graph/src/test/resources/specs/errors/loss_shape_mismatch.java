// expect: 7:16: shape mismatch in crossEntropy: softmax(x) is 4×n but y is 3×n
class Net {
    Matrix x = input(4);
    Matrix y = target(3);

    Matrix loss() {
        return crossEntropy(softmax(x), y);
    }
}
