// expect: dW1: equal, proved by rewriting
// ∂C/∂W¹ with the penalty's term first.
class ByHand {
    Matrix dW1 = 0.01 * sign(W1) + delta_z1 * x.T;
}
