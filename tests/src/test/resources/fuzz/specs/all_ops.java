// Every construct of the spec language once: a seed for the fuzzer, not an example to learn from.
class AllOps {
    int hidden = 6;
    double lambda = 1e-4;
    double alpha = 0.01;
    Matrix x  = input(4);
    Matrix y  = target(3);
    Matrix W1 = param(hidden, 4).init(he());
    Matrix b1 = param(hidden).init(zeros());
    Matrix W2 = param(3, hidden).init(normal(0.1));
    Matrix b2 = param(3).init(uniform(0.5));
    Matrix V  = param(3, 3).init(glorot());
    Matrix h  = tanh(W1 * x + b1);             // a field defined from other fields

    Matrix loss() {
        Matrix z1 = leakyRelu(h, alpha) + relu(-h) / 2;
        Matrix z2 = W2 * hadamard(z1, sigmoid(z1)) + b2;
        Matrix p  = softmax(z2);
        Matrix q  = logSoftmax(V.T * z2);
        Matrix r  = exp(-square(z2)) + sqrt(abs(z2) + 1) - log(1 + sigmoid(z2));
        Matrix s  = sumRows(r) / n + sumCols(q).T.T * 0.5;
        return crossEntropy(p, y) + mse(r, y) + mean(s) + 1e-3 * sum(hadamard(q, q))
                + binaryCrossEntropy(sigmoid(z2), y) + lambda * (sum(square(W1)) + sum(square(W2)));
    }
}
