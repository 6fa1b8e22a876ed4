// expect: delta_z2: equal, proved by rewriting
// δ² with sigmoid(z²) for p.
class ByHand {
    Matrix delta_z2 = sigmoid(z2) - y;
}
