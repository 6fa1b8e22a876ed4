// The textbook network: 784-128-10, sigmoid hidden layer, softmax output, cross-entropy loss.
class MnistMlp {
    Matrix x  = input(784);                // a sample is a column; a batch is 784 × n
    Matrix y  = target(10);                // one-hot labels
    Matrix W1 = param(128, 784).init(glorot());
    Matrix b1 = param(128);
    Matrix W2 = param(10, 128).init(glorot());
    Matrix b2 = param(10);
    Training training = adam(0.005).batch(64).epochs(10); // what `deltac train` and the demo use

    Matrix loss() {
        Matrix z1 = W1 * x + b1;           // b1 (128 × 1) broadcasts over the batch's columns
        Matrix a1 = sigmoid(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = softmax(z2);
        return crossEntropy(a2, y);
    }
}
