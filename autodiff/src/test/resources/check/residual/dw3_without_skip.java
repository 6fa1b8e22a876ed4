// expect: dW3: differs; your dW3 lacks the term δ³ (a¹)ᵀ
// ∂C/∂W³ with relu(z²) for a²: the skip connection's a¹ is part of what W³ multiplies.
class ByHand {
    Matrix dW3 = delta_z3 * relu(z2).T;
}
