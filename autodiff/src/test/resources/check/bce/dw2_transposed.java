// expect: error 4:18: dw2 is 1×3 but this formula is 3×1; your dw2 is the transpose of the derivative: δ² a¹ where it has δ² (a¹)ᵀ
// ∂C/∂w² as a column: δ² a¹ is 3×1, w² is 1×3.
class ByHand {
    Matrix dw2 = a1 * delta_z2;
}
