// expect: delta_z2: differs; it uses z² (layer 2's pre-activation) where the derivative has softmax(z²)
// δ² with the logits z² for the softmax's output.
class ByHand {
    Matrix delta_z2 = z2 - y;
}
