// A softmax output trained on mse, not cross-entropy: no fused rule, so δ goes through the softmax's Jacobian.
class SoftmaxMse {
    Matrix x = input(3);
    Matrix y = target(3);
    Matrix W = param(3, 3);
    Matrix b = param(3);

    Matrix loss() {
        Matrix z = W * x + b;
        Matrix a = softmax(z);
        return mse(a, y);
    }
}
