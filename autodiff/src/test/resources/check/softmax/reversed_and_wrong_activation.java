// expect: dW2: differs; the product's factors are in the wrong order: a² (δ²)ᵀ where the derivative has δ² (a²)ᵀ, and it uses a² (layer 2's activation) where the derivative has a¹ (layer 1's activation)
// Two mistakes at once: the factors in the wrong order, and the output a² for a¹. Square, so the shapes agree.
class ByHand {
    Matrix dW2 = a2 * delta_z2.T;
}
