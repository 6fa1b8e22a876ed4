// expect: error 4:17: dV is 4×2 but this formula is 4×3; it uses x¹ (an input) where the derivative has x² (an input)
// ∂C/∂V with the other input: V multiplies x², not x¹.
class ByHand {
    Matrix dV = delta_z1 * x1.T;
}
