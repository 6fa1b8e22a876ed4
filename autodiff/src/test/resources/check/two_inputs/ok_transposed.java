// expect: dV: equal, proved by rewriting
// ∂C/∂V as the transpose of x² (δ¹)ᵀ.
class ByHand {
    Matrix dV = (x2 * delta_z1.T).T;
}
