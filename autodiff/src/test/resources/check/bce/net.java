// A binary classifier: a relu hidden layer, one sigmoid output, binary cross-entropy.
class Binary {
    Matrix x  = input(4);
    Matrix y  = target(1);
    Matrix W1 = param(3, 4);
    Matrix b1 = param(3);
    Matrix w2 = param(1, 3);
    Matrix b2 = param(1);

    Matrix loss() {
        Matrix z1 = W1 * x + b1;
        Matrix a1 = relu(z1);
        Matrix z2 = w2 * a1 + b2;
        Matrix p  = sigmoid(z2);
        return binaryCrossEntropy(p, y);
    }
}
