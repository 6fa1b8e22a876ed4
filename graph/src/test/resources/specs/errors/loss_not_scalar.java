// expect: 8:16: the loss must be a scalar (1×1) but softmax(z) is 3×n
class Net {
    Matrix x = input(4);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix z = W * x;
        return softmax(z);
    }
}
