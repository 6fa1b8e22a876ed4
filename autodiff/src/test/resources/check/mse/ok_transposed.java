// expect: dW1: equal, proved by rewriting
// ∂C/∂W¹ as the transpose of x (δ¹)ᵀ.
class ByHand {
    Matrix dW1 = (x * delta_z1.T).T;
}
