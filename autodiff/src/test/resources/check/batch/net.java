// Checked in batch form (--batch): a column per sample, the mean over n samples, bias gradients summed.
class BatchMlp {
    Matrix x  = input(4);
    Matrix y  = target(3);
    Matrix W1 = param(5, 4);
    Matrix b1 = param(5);
    Matrix W2 = param(3, 5);
    Matrix b2 = param(3);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = tanh(z1);
        Matrix z2 = W2 * a1 + b2;
        Matrix a2 = softmax(z2);
        return crossEntropy(a2, y);
    }
}
