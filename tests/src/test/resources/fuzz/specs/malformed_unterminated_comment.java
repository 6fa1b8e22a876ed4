// expect: 5:5: unterminated comment: /* without */
class Net {
    Matrix x = input(4);
    Matrix y = target(4);
    /* the loss, unfinished
    Matrix loss() {
        return mse(x, y);
    }
}
