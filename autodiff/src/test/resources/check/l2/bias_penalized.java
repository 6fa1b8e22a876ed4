// expect: db1: differs; your db1 has an extra term 0.002 b¹
// A penalty term on the bias, which the spec does not penalize.
class ByHand {
    Matrix db1 = delta_z1 + 0.002 * b1;
}
