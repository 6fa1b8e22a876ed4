package deltac.runtime.kernels;

/**
 * c (m × n) = op(a) b, row-major, where op(a) is a (m × k) or, when {@code transA}, the transpose of a stored
 * k × m. Overwrites c.
 */
interface GemmKernel {
    void multiply(float[] a, boolean transA, float[] b, float[] c, int m, int k, int n);

    void multiply(double[] a, boolean transA, double[] b, double[] c, int m, int k, int n);
}
