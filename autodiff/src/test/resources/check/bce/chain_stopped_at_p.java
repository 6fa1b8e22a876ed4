// expect: delta_z2: differs; your delta_z2 has an extra factor 1/σ′(z²)
// δ² as ∂C/∂p, (p − y)/(p(1 − p)): the chain rule stopped before σ′(z²).
class ByHand {
    Matrix delta_z2 = (p - y) / hadamard(p, 1 - p);
}
