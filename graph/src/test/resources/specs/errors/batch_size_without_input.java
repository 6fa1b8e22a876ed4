// expect: 6:25: n is the batch size, and this spec has no input
class Net {
    Matrix W = param(3, 4);

    Matrix loss() {
        return sum(W) / n;
    }
}
