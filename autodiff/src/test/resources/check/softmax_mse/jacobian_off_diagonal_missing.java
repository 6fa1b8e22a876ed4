// expect: delta_z: differs; your delta_z lacks the terms (aᵀ y) a and −(aᵀ a) a
// softmax differentiated as if element-wise: δ = a ⊙ (a − y) lacks the Jacobian's −a aᵀ part.
class ByHand {
    Matrix delta_z = hadamard(a, a - y);
}
