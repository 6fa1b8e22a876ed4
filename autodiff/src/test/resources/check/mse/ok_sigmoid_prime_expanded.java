// expect: delta_z2: equal, proved by rewriting
// δ² with σ′(z²) as a² − (a²)².
class ByHand {
    Matrix delta_z2 = hadamard(W3.T * delta_z3, a2 - square(a2));
}
