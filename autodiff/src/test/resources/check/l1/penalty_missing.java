// expect: dW1: differs; your dW1 lacks the term 0.01 sign(W¹), from the term 0.01 Σ(|W¹|) of C
// ∂C/∂W¹ without the L1 penalty's term.
class ByHand {
    Matrix dW1 = delta_z1 * x.T;
}
