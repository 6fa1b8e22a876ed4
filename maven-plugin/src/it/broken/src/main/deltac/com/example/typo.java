class Typo {
    Matrix x = input(4);
    Matrix W = param(3, 4);
    Matrix loss() { return sum(sigmod(W * x)); }
}
