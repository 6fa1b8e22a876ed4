// expect: dw2: equal, proved by rewriting
// ∂C/∂w² as the transpose of the column a¹ δ².
class ByHand {
    Matrix dw2 = (a1 * delta_z2).T;
}
