// expect: dW1: differs; your dW1 lacks the term 0.002 W¹, from the term 0.001 (Σ((W¹)²) + Σ((W²)²)) of C
// ∂C/∂W¹ without the L2 penalty's term.
class ByHand {
    Matrix dW1 = delta_z1 * x.T;
}
