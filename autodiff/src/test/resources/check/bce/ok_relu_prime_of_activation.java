// expect: delta_z1: equal on 5 random instances
// relu′(a¹) for relu′(z¹): equal, since relu(z) > 0 exactly where z > 0, but no rule says so.
class ByHand {
    Matrix delta_z1 = hadamard(w2.T * delta_z2, reluPrime(a1));
}
