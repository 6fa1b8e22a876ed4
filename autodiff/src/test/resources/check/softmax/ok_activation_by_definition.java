// expect: dW2: equal, proved by rewriting
// ∂C/∂W² with a¹ written as sigmoid(z¹).
class ByHand {
    Matrix dW2 = delta_z2 * sigmoid(z1).T;
}
