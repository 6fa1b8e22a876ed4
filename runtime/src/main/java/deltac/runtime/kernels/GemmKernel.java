package deltac.runtime.kernels;

/**
 * A product on part of the operands: c[i, j] (at cOff + i ldc + j) = Σp a[i, p] b[p, j], where a[i, p] is at
 * aOff + i rs + p cs and b[p, j] at bOff + p brs + j bcs (so a transposed operand is the same call with its strides
 * swapped); i &lt; m, j &lt; n, p &lt; k. Overwrites those entries of c. Offsets and strides let {@link Gemm} hand a
 * block of rows or of columns to each thread.
 */
interface GemmKernel {
    void multiply(float[] a, int aOff, int rs, int cs, float[] b, int bOff, int brs, int bcs,
                  float[] c, int cOff, int ldc, int m, int k, int n);

    void multiply(double[] a, int aOff, int rs, int cs, double[] b, int bOff, int brs, int bcs,
                  double[] c, int cOff, int ldc, int m, int k, int n);
}
