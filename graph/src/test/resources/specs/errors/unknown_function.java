// expect: 9:20: unknown function softmx (did you mean softmax?)
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix z = W * x;
        Matrix a = softmx(z);
        return crossEntropy(a, y);
    }
}
