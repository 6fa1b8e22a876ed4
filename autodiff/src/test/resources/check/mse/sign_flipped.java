// expect: delta_z3: differs; your delta_z3 has the wrong sign
// δ³ as y − z³.
class ByHand {
    Matrix delta_z3 = y - z3;
}
