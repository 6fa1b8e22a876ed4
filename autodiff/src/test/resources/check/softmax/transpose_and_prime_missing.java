// expect: delta_z1: differs; it uses W² where the derivative has (W²)ᵀ, and your delta_z1 lacks the factor ⊙ σ′(z¹)
// Two mistakes at once: W² for (W²)ᵀ and no ⊙ σ′(z¹).
class ByHand {
    Matrix delta_z1 = W2 * delta_z2;
}
