// expect: error 4:17: shape mismatch in sum: delta_z * x.T is 3×5 but delta_r * h.T is 5×3; it has δ_r hᵀ where the derivative has its transpose, h δ_rᵀ
// The decoder's term written as an ordinary weight gradient, δ_r hᵀ: it is the gradient of Wᵀ, so W's is its transpose.
class ByHand {
    Matrix dW = delta_z * x.T + delta_r * h.T;
}
