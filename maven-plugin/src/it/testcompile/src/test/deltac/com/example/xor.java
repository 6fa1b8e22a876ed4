// XOR: the smallest problem a single layer cannot solve. 2-2-1, sigmoid, mean squared error.
class Xor {
    Matrix x  = input(2);
    Matrix y  = target(1);
    Matrix W1 = param(2, 2).init(uniform(1.0));
    Matrix b1 = param(2);
    Matrix W2 = param(1, 2).init(uniform(1.0));
    Matrix b2 = param(1);
    Training training = sgd(2.0).batch(4).epochs(600);   // data: examples/data/xor.csv

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = sigmoid(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = sigmoid(z2);
        return mse(a2, y);
    }
}
