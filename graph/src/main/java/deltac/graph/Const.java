package deltac.graph;

/** A matrix whose entries all equal {@code value}: a scalar when its shape is 1×1, else a "ones" matrix scaled. */
public record Const(double value, Shape shape) implements Node {
    public static Const scalar(double value) {
        return new Const(value, Shape.SCALAR);
    }

    @Override
    public boolean equals(Object o) {
        // compare the bits, so that 0.0 and -0.0 stay apart and NaN equals itself, as interning needs
        return o instanceof Const c && Double.doubleToLongBits(c.value) == Double.doubleToLongBits(value)
                && c.shape.equals(shape);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value) * 31 + shape.hashCode();
    }
}
