// Logistic regression: one sigmoid unit on the 4 Iris features, binary cross-entropy.
// (Train it on a two-class problem, such as "is it setosa?".)
class LogisticRegression {
    Matrix x = input(4);
    Matrix y = target(1);
    Matrix w = param(1, 4).init(zeros());
    Matrix b = param(1);

    Matrix loss() {
        Matrix z = w * x + b;
        Matrix p = sigmoid(z);
        return binaryCrossEntropy(p, y);
    }
}
