// expect: delta_z: equal, proved by rewriting
// δ = (diag(a) − a aᵀ)(a − y), the softmax Jacobian applied to mse's gradient, written a ⊙ g − a (aᵀ g).
class ByHand {
    Matrix delta_z = hadamard(a, a - y) - a * (a.T * (a - y));
}
