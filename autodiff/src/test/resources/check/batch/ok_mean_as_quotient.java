// expect: delta_z2: equal, proved by rewriting
// form: batch
// δ² with the mean written as a quotient.
class ByHand {
    Matrix delta_z2 = (a2 - y) / n;
}
