// expect: 9:20: shape mismatch in hadamard: z is 3×n but x is 4×n
class Net {
    Matrix x = input(4);
    Matrix y = target(3);
    Matrix W = param(3, 4);

    Matrix loss() {
        Matrix z = W * x;
        Matrix g = hadamard(z, x);
        return mse(g, y);
    }
}
