// expect: dW1: differs; it has −0.002 W¹ where the derivative has 0.002 W¹
// The penalty's term subtracted, as in the update rule W ← W − η(∇ + 2λW) read the wrong way.
class ByHand {
    Matrix dW1 = delta_z1 * x.T - 0.002 * W1;
}
