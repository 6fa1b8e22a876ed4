// expect: 7:20: unsupported Java construct: field access on Math (a spec sees only its own names)
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        Matrix h = Math.PI * x;
        return mse(h, y);
    }
}
