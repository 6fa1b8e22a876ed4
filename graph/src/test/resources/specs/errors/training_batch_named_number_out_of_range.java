// expect: 7:40: batch must be an integer from 1 to 1000000, got b * 2 = 2000000
class Net {
    int b = 1000000;
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);
    Training training = sgd(0.1).batch(b * 2);

    Matrix loss() {
        return mse(W * x, y);
    }
}
