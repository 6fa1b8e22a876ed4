// expect: dW1: differs; it has 0.001 W¹ where the derivative has 0.002 W¹
// The gradient of λ Σ W² written λ W instead of 2λ W.
class ByHand {
    Matrix dW1 = 0.001 * W1 + delta_z1 * x.T;
}
