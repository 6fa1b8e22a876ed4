// expect: dW1: differs; it uses W¹ where the derivative has sign(W¹)
// The L1 penalty's gradient written as L2's: W¹ for sign(W¹).
class ByHand {
    Matrix dW1 = 0.01 * W1 + delta_z1 * x.T;
}
