// expect: dW2: differs; your dW2 has an extra factor 1/n
// form: batch
// ∂C/∂W² divided by n again, though δ² has the 1/n already.
class ByHand {
    Matrix dW2 = delta_z2 * a1.T / n;
}
