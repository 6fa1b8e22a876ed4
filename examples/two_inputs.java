// Two inputs: Iris's sepal and petal measurements enter through their own weights, one tanh layer, 3 species.
// Data: examples/data/iris_two_inputs.safetensors, tensors sepal [n, 2], petal [n, 2] and y [n, 3].
class TwoInputs {
    Matrix sepal = input(2);
    Matrix petal = input(2);
    Matrix y  = target(3);
    Matrix W1 = param(8, 2).init(glorot());
    Matrix V1 = param(8, 2).init(glorot());
    Matrix b1 = param(8);
    Matrix W2 = param(3, 8).init(glorot());
    Matrix b2 = param(3);
    Training training = adam(0.01).batch(16).epochs(100);

    Matrix loss() {
        Matrix z1 = W1 * sepal + V1 * petal + b1;
        Matrix a1 = tanh(z1);
        Matrix z2 = W2 * a1 + b2;
        return crossEntropy(softmax(z2), y);
    }
}
