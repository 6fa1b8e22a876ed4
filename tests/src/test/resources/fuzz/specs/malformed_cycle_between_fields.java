// expect: 6:16: cycle: a depends on b depends on a
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    Matrix a = b * 2;
    Matrix b = a + x;

    Matrix loss() {
        return mse(b, y);
    }
}
