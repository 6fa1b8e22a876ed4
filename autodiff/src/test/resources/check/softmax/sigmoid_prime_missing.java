// expect: delta_z1: differs; your delta_z1 lacks the factor ⊙ σ′(z¹)
// δ¹ without ⊙ σ′(z¹).
class ByHand {
    Matrix delta_z1 = W2.T * delta_z2;
}
