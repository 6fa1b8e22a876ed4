// expect: dW2: differs; it has 2 W² where the derivative has 0.002 W²
// The penalty's gradient without λ.
class ByHand {
    Matrix dW2 = 2 * W2 + delta_z2 * a1.T;
}
