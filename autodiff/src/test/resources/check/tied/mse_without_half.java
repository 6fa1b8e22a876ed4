// expect: delta_r: differs; your delta_r is 2 times the derived one
// δ_r without the ½ of mse's ½‖r − x‖²: twice the gradient.
class ByHand {
    Matrix delta_r = 2 * (r - x);
}
