// expect: dW2: differs; it uses a² (layer 2's activation) where the derivative has a¹ (layer 1's activation)
// ∂C/∂W² with a², the output, for a¹; square, so the shapes agree.
class ByHand {
    Matrix dW2 = delta_z2 * a2.T;
}
