// expect: delta_z2: differs; your delta_z2 lacks the factor 1/n (the mean over the batch's n samples)
// form: batch
// δ² without the 1/n of the mean over the batch.
class ByHand {
    Matrix delta_z2 = a2 - y;
}
