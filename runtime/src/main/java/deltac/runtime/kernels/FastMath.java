package deltac.runtime.kernels;

/**
 * Functions kernels call instead of {@link Math}'s where Math is slow: on JDK 17 {@code Math.tanh} is fdlibm
 * through a native call, about 50 ns, which made tanh a third of a small network's step. Computed in double from
 * the {@code Math.exp} intrinsic, so that rounded to float they give what {@code (float) Math.tanh} gives (a test
 * compares them on millions of arguments); the float64 kernels use them too, 3e-14 relative being far below the
 * tolerances of what they are checked against.
 */
public final class FastMath {
    private FastMath() {}

    /** tanh(x) within 3e-14 relative of {@link Math#tanh}: (1 − e^{−2|x|}) / (1 + e^{−2|x|}), signed. */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0x1p-10) {
            // 1 − e^{−2|x|} would cancel: the series, whose next term is below 2^-70 |x| here
            double x2 = x * x;
            return x * (1 - x2 * (1.0 / 3 - x2 * (2.0 / 15)));
        }
        double t = Math.exp(-2 * ax);
        double r = (1 - t) / (1 + t);
        return x < 0 ? -r : r; // not Math.copySign, which is not an intrinsic on JDK 17
    }
}
