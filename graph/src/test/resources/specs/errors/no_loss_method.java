// expect: ?
class Net {
    Matrix x = input(4);
    Matrix W = param(3, 4);

    Matrix forward() {
        return W * x;
    }
}
