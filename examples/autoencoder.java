// An autoencoder for MNIST digits: 784 pixels squeezed through 32 units and back, trained on mse.
// It has no target: the loss compares the reconstruction with the input itself.
class Autoencoder {
    Matrix x  = input(784);
    Matrix W1 = param(32, 784).init(glorot());
    Matrix b1 = param(32);
    Matrix W2 = param(784, 32).init(glorot());
    Matrix b2 = param(784);
    Training training = adam(0.01).batch(32).epochs(30);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix h  = sigmoid(z1);           // the 32-number code
        Matrix z2 = W2 * h + b2;
        Matrix r  = sigmoid(z2);           // the reconstruction, pixels in [0, 1]
        return mse(r, x);
    }
}
