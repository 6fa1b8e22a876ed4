package deltac.graph;

/**
 * How a parameter's initial values are drawn. The runtime samples them with a seeded generator.
 *
 * @param kind  the distribution
 * @param scale the standard deviation of {@code normal}, the bound of {@code uniform}, else 0
 */
public record Init(Kind kind, double scale) {
    public enum Kind {
        /** Uniform in ±sqrt(6 / (fanIn + fanOut)). */
        GLOROT("glorot"),
        /** Normal with standard deviation sqrt(2 / fanIn), for relu layers. */
        HE("he"),
        NORMAL("normal"),
        UNIFORM("uniform"),
        ZEROS("zeros");

        public final String specName;

        Kind(String specName) {
            this.specName = specName;
        }
    }

    public static Init glorot() {
        return new Init(Kind.GLOROT, 0);
    }

    public static Init he() {
        return new Init(Kind.HE, 0);
    }

    public static Init normal(double std) {
        return new Init(Kind.NORMAL, std);
    }

    public static Init uniform(double bound) {
        return new Init(Kind.UNIFORM, bound);
    }

    public static Init zeros() {
        return new Init(Kind.ZEROS, 0);
    }

    /** The default: glorot for a matrix, zeros for a column (a bias) or a scalar. */
    public static Init defaultFor(Shape shape) {
        return shape.cols() > 1 ? glorot() : zeros();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NORMAL, UNIFORM -> kind.specName + "(" + scale + ")";
            default -> kind.specName + "()";
        };
    }
}
