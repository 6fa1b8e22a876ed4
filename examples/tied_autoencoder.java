// A tied-weight autoencoder: the decoder is the encoder's transpose, so W is used twice and its gradient has two
// terms. No target: the loss compares the reconstruction with the input.
class TiedAutoencoder {
    Matrix x  = input(784);
    Matrix W  = param(64, 784).init(glorot());
    Matrix b1 = param(64);
    Matrix b2 = param(784);
    Training training = adam(0.005).batch(64).epochs(10);

    Matrix loss() {
        Matrix h = tanh(W * x + b1);
        Matrix r = W.T * h + b2;
        return mse(r, x);
    }
}
