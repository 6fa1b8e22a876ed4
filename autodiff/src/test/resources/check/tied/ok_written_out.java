// expect: dW: equal, proved by rewriting
// ∂C/∂W written out, tanh′ from the activation.
class ByHand {
    Matrix dW = hadamard(W * delta_r, 1 - square(h)) * x.T + h * (r - x).T;
}
