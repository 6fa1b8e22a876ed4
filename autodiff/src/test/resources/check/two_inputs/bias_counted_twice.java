// expect: db1: differs; your db1 is 2 times the derived one
// ∂C/∂b¹ counted once per input.
class ByHand {
    Matrix db1 = delta_z1 + delta_z1;
}
