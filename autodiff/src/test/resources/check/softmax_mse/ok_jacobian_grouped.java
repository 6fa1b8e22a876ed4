// expect: delta_z: equal, proved by rewriting
// The same with the product grouped the other way, (a aᵀ) g.
class ByHand {
    Matrix delta_z = hadamard(a, a - y) - (a * a.T) * (a - y);
}
