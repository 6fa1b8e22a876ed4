// expect: dW1: equal, proved by rewriting
// ∂C/∂W¹ with 2λ written as 2 · 0.001, the terms in the other order.
class ByHand {
    Matrix dW1 = delta_z1 * x.T + 2 * 0.001 * W1;
}
