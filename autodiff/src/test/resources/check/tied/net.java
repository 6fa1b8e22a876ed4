// A tied-weight autoencoder: the decoder is the encoder's transpose, so W is used twice. No target.
class Tied {
    Matrix x  = input(5);
    Matrix W  = param(3, 5);
    Matrix b1 = param(3);
    Matrix b2 = param(5);
    Training training = sgd(0.1).batch(8).epochs(10);

    Matrix loss() {
        Matrix z = W * x + b1;
        Matrix h = tanh(z);
        Matrix r = W.T * h + b2;
        return mse(r, x);
    }
}
