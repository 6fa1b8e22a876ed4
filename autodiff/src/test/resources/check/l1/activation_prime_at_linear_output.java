// expect: delta_z2: differs; your delta_z2 has an extra factor ⊙ tanh′(z²)
// δ² with an activation's derivative, though the output z² is linear.
class ByHand {
    Matrix delta_z2 = hadamard(z2 - y, tanhPrime(z2));
}
