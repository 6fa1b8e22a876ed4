class Shapes {
    Matrix x = input(4);
    Matrix W = param(3, 5);
    Matrix loss() { return sum(W * x); }
}
