// expect: error 4:18: dW2 is 4×5 but this formula is 4×4; it uses a² (layer 2's activation) where the derivative has a¹ (layer 1's activation)
// ∂C/∂W² with layer 2's activation for layer 1's.
class ByHand {
    Matrix dW2 = delta_z2 * a2.T;
}
