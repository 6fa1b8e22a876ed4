// expect: ?
class Net {
    Matrix x = input(4);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix z = W * x;
        return softmax(z);
    }
}
