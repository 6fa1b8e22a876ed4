// expect: delta_z1: differs; your delta_z1 has an extra factor 1/n
// form: batch
// δ¹ divided by n, as if each layer took its own mean.
class ByHand {
    Matrix delta_z1 = hadamard(W2.T * delta_z2, tanhPrime(z1)) / n;
}
