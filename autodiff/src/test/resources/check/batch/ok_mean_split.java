// expect: delta_z2: equal, proved by rewriting
// form: batch
// δ² with the mean split over the difference's two terms.
class ByHand {
    Matrix delta_z2 = (1.0 / n) * a2 - y / n;
}
