// expect: dW: differs; your dW lacks the term h δ_rᵀ, from r = Wᵀ h + b²
// ∂C/∂W with the encoder's term only: W is used twice, and the decoder's Wᵀ h adds a second term.
class ByHand {
    Matrix dW = delta_z * x.T;
}
