// expect: delta_z: equal, proved by rewriting
// δ_z with tanh′(z) = 1 − h ⊙ h and δ_r written out.
class ByHand {
    Matrix delta_z = hadamard(W * (r - x), 1 - hadamard(h, h));
}
