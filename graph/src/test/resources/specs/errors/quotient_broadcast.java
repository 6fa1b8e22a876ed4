// expect: 7:20: cannot broadcast in quotient: b is 4×1 and x is 4×n; only the divisor may be a scalar or a column
class Net {
    Matrix x = input(4);
    Matrix b = param(4);

    Matrix loss() {
        return sum(b / x);
    }
}
