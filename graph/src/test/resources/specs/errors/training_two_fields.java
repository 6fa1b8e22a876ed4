// expect: 7:14: two Training fields: training (at 5:14) already says how this spec trains
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Training training = sgd(0.1).batch(8);
    Matrix W = param(3, 4);
    Training finetune = sgd(0.01).epochs(2);

    Matrix loss() {
        return mse(W * x, y);
    }
}
