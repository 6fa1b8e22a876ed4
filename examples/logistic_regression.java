// Logistic regression: one sigmoid unit on the 4 Iris features, binary cross-entropy.
// Trained on a two-class problem, "is it setosa?": examples/data/setosa.csv.
class LogisticRegression {
    Matrix x = input(4);
    Matrix y = target(1);
    Matrix w = param(1, 4).init(zeros());
    Matrix b = param(1);
    Training training = sgd(0.5).batch(16).epochs(50);

    Matrix loss() {
        Matrix z = w * x + b;
        Matrix p = sigmoid(z);
        return binaryCrossEntropy(p, y);
    }
}
