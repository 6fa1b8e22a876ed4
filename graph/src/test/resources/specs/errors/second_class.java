// expect: 11:7: a spec declares one class, but Other is a second
class Net {
    Matrix x = input(4);
    Matrix y = target(4);

    Matrix loss() {
        return mse(x, y);
    }
}

class Other {
}
