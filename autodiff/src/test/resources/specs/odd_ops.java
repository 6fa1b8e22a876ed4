class OddOpsCe {
    Matrix x = input(4);  Matrix y = target(3);
    Matrix A = param(5, 4);  Matrix c = param(5);  Matrix B = param(3, 5);  Matrix D = param(5, 3);
    Matrix loss() {
        Matrix h = leakyRelu(A * x + c, 0.1);
        Matrix s = sqrt(exp(h) + 1) / (abs(h) + 2);
        Matrix z = B * s + D.T * h;
        return crossEntropy(softmax(z), y) + 0.01 * mean(square(A)) + 0.001 * sum(sumCols(log(exp(h) + 1)))
                - 0.001 * sum(logSoftmax(z)) / n;
    }
}
