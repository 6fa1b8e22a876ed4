// expect: 2:7: no loss() method: a spec returns its scalar loss from Matrix loss()
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Matrix z = W * x;
}
