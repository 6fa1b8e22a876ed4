// expect: dW: differs; your dW lacks the term δ_z xᵀ, from z = W x + b¹
// ∂C/∂W with the decoder's term only.
class ByHand {
    Matrix dW = h * delta_r.T;
}
